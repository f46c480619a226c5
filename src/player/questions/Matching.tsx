import { plain } from '../context';
import { t } from '../i18n';
import { Mark } from './Feedback';
import type { QuestionProps } from './types';

/**
 * One select per prompt: no dragging, works alike with mouse, touch, keyboard and screen readers.
 * A closed select cannot wrap its text, so the chosen option is also written out in full under it
 * (hidden from assistive technology, which reads the select's value already).
 */
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
              <div class="pick">
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
                {value && (
                  <p class="picked" aria-hidden="true">
                    {matchText(value)}
                  </p>
                )}
              </div>
              {marked && <Mark ok={value === pair.id} text={value === pair.id ? t('q.right') : value ? t('q.wrong') : t('q.noAnswer')} />}
              {marked && reveal && value !== pair.id && <p class="reveal">{t('q.correctIs', { answer: matchText(pair.id) })}</p>}
            </li>
          );
        })}
      </ul>
    </>
  );
}
