import { fillInMaxLength } from '../../schema/limits';
import { formatNumber, t } from '../i18n';
import { Mark } from './Feedback';
import { credit } from '../assessment/scoring';
import type { QuestionProps } from './types';


export function FillIn({ question, response, onChange, marked, reveal, uid }: QuestionProps<'fillin'>) {
  const numeric = question.answer.kind === 'number';
  const ok = credit(question, response) === 1;
  const a = question.answer;
  return (
    <>
      <label class="hint" for={uid}>
        {t(numeric ? 'q.hintNumber' : 'q.hintText')}
      </label>
      <input
        id={uid}
        class="fill"
        type="text"
        inputMode={numeric ? 'decimal' : 'text'}
        autoComplete="off"
        spellcheck={false}
        maxLength={fillInMaxLength(a)}
        value={typeof response === 'string' ? response : ''}
        readOnly={!onChange}
        onInput={(e) => onChange?.((e.target as HTMLInputElement).value)}
      />
      {marked && <Mark ok={ok} text={ok ? t('q.right') : t('q.wrong')} />}
      {marked && reveal && !ok && (
        <p class="reveal">
          {a.kind === 'number'
            ? t('q.correctIs', { answer: a.tolerance ? `${formatNumber(a.value)} ± ${formatNumber(a.tolerance)}` : formatNumber(a.value) })
            : t('q.correctIs', { answer: a.accepted.join(' / ') })}
        </p>
      )}
    </>
  );
}
