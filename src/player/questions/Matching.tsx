import { plain } from '../context';
import { t } from '../i18n';
import { Mark } from './Feedback';
import type { QuestionProps } from './types';

/** One select per prompt: no dragging, works alike with mouse, touch, keyboard and screen readers. */
export function Matching({ question, order, response, onChange, marked, reveal, uid }: QuestionProps<'matching'>) {
  const chosen = (response && typeof response === 'object' && !Array.isArray(response) ? response : {}) as Record<string, string>;
  const matchText = (id: string) => plain(question.pairs.find((p) => p.id === id)?.match ?? '');
  return (
    <>
      <p class="hint">{t('q.hintMatching')}</p>
      <ul class="matching">
        {question.pairs.map((pair, i) => {
          const id = `${uid}-${i}`;
          const value = chosen[pair.id] ?? '';
          return (
            <li key={pair.id}>
              <label for={id} dangerouslySetInnerHTML={{ __html: pair.prompt }} />
              <select
                id={id}
                value={value}
                disabled={!onChange}
                onChange={(e) => onChange?.({ ...chosen, [pair.id]: (e.target as HTMLSelectElement).value })}
              >
                <option value="">{t('q.choose')}</option>
                {order.map((m) => (
                  <option key={m} value={m}>
                    {matchText(m)}
                  </option>
                ))}
              </select>
              {marked && <Mark ok={value === pair.id} text={value === pair.id ? t('q.right') : value ? t('q.wrong') : t('q.noAnswer')} />}
              {marked && reveal && value !== pair.id && <p class="reveal">{t('q.correctIs', { answer: matchText(pair.id) })}</p>}
            </li>
          );
        })}
      </ul>
    </>
  );
}
