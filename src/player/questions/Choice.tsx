import { t } from '../i18n';
import { Mark } from './Feedback';
import type { QuestionProps } from './types';

/** single, multiple and truefalse: one list of radios or checkboxes. */
export function Choice({ question, order, response, onChange, marked, reveal, uid }: QuestionProps<'single' | 'multiple' | 'truefalse'>) {
  const multiple = question.type === 'multiple';
  const options =
    question.type === 'truefalse'
      ? [true, false].map((v) => ({ id: String(v), html: t(v ? 'q.true' : 'q.false'), correct: v === question.answer, feedback: undefined }))
      : order.map((id) => question.choices.find((c) => c.id === id)!);
  const chosen = (id: string) =>
    question.type === 'truefalse' ? String(response) === id : multiple ? Array.isArray(response) && response.includes(id) : response === id;
  const pick = (id: string, on: boolean) => {
    if (!onChange) return;
    if (question.type === 'truefalse') onChange(id === 'true');
    else if (!multiple) onChange(id);
    else {
      const set = new Set(Array.isArray(response) ? response : []);
      if (on) set.add(id);
      else set.delete(id);
      // Stored in author order, as the state contract says.
      onChange(question.choices.map((c) => c.id).filter((c) => set.has(c)));
    }
  };
  return (
    <>
      <p class="hint">{t(multiple ? 'q.hintMultiple' : 'q.hintSingle')}</p>
      <ul class="options">
        {options.map((o) => {
          const on = chosen(o.id);
          return (
            <li key={o.id} class={on ? 'chosen' : undefined}>
              <label class="option">
                <input
                  type={multiple ? 'checkbox' : 'radio'}
                  name={uid}
                  checked={on}
                  disabled={!onChange}
                  onChange={(e) => pick(o.id, (e.target as HTMLInputElement).checked)}
                />
                <span dangerouslySetInnerHTML={{ __html: o.html }} />
              </label>
              {marked && (on || (reveal && o.correct)) && (
                <Mark ok={on ? o.correct : true} text={on ? (o.correct ? t('q.rightChoice') : t('q.wrongChoice')) : t('q.correctAnswer')} />
              )}
              {marked && on && o.feedback && <div class="choice-feedback" dangerouslySetInnerHTML={{ __html: o.feedback }} />}
            </li>
          );
        })}
      </ul>
    </>
  );
}
