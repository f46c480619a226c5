import type { QuestionData } from '../../schema/courseData';
import { formatPercent, t } from '../i18n';

/** Right or wrong in words and a symbol, never by colour alone. */
export function Mark({ ok, text }: { ok: boolean; text: string }) {
  return (
    <span class={ok ? 'mark ok' : 'mark bad'}>
      <span aria-hidden="true">{ok ? '✓ ' : '✗ '}</span>
      {text}
    </span>
  );
}

export function verdict(question: QuestionData, credit: number): string {
  if (question.type === 'scenario') return t('fb.scenario', { score: formatPercent(credit * 100) });
  return credit >= 1 ? t('fb.correct') : credit > 0 ? t('fb.partial', { score: formatPercent(credit * 100) }) : t('fb.incorrect');
}

export function Feedback({ question, credit }: { question: QuestionData; credit: number }) {
  const html = credit >= 1 ? question.feedback.correct : question.feedback.incorrect;
  return (
    <div class={`feedback ${credit >= 1 ? 'ok' : credit > 0 ? 'part' : 'bad'}`}>
      <p class="verdict">
        <span aria-hidden="true">{credit >= 1 ? '✓ ' : credit > 0 ? '◐ ' : '✗ '}</span>
        {verdict(question, credit)}
      </p>
      {html && <div dangerouslySetInnerHTML={{ __html: html }} />}
    </div>
  );
}
