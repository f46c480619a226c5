import { plain, usePlayer } from '../context';
import { t } from '../i18n';
import { Mark } from './Feedback';
import type { QuestionProps } from './types';

/** Move up / move down buttons instead of dragging; focus stays with the item that moved. */
export function Ordering({ question, order, response, onChange, marked, reveal, uid }: QuestionProps<'ordering'>) {
  const { announce } = usePlayer();
  const current = Array.isArray(response) && response.length === question.items.length ? response : order;
  const itemHtml = (id: string) => question.items.find((i) => i.id === id)?.html ?? '';
  const move = (from: number, by: number) => {
    const to = from + by;
    const next = current.slice();
    [next[from], next[to]] = [next[to], next[from]];
    onChange?.(next);
    announce(t('q.moved', { item: plain(itemHtml(current[from])), position: to + 1, total: next.length }));
    const before = document.activeElement;
    requestAnimationFrame(() => {
      // Only while focus is still where the move left it: on a slow PC the frame can come after the
      // learner has already tabbed on, and focus must not jump back.
      const now = document.activeElement;
      if (now && now !== document.body && now !== before && !document.getElementById(uid)?.contains(now)) return;
      const buttons = document.querySelectorAll<HTMLButtonElement>(`#${uid} li:nth-child(${to + 1}) button`);
      (by < 0 ? (buttons[0]?.disabled ? buttons[1] : buttons[0]) : buttons[1]?.disabled ? buttons[0] : buttons[1])?.focus();
    });
  };
  return (
    <>
      <p class="hint">{t('q.hintOrdering')}</p>
      <ol class="ordering" id={uid}>
        {current.map((id, i) => {
          const text = plain(itemHtml(id));
          return (
            <li key={id}>
              <span class="item" dangerouslySetInnerHTML={{ __html: itemHtml(id) }} />
              {onChange && (
                <span class="moves">
                  <button type="button" class="btn icon" disabled={i === 0} aria-label={t('q.moveUp', { item: text })} onClick={() => move(i, -1)}>
                    <span aria-hidden="true">↑</span>
                  </button>
                  <button type="button" class="btn icon" disabled={i === current.length - 1} aria-label={t('q.moveDown', { item: text })} onClick={() => move(i, 1)}>
                    <span aria-hidden="true">↓</span>
                  </button>
                </span>
              )}
              {marked && <Mark ok={question.items[i].id === id} text={question.items[i].id === id ? t('q.rightPlace') : t('q.wrongPlace')} />}
            </li>
          );
        })}
      </ol>
      {marked && reveal && current.some((id, i) => question.items[i].id !== id) && (
        <div class="reveal">
          <p>{t('q.correctOrder')}</p>
          <ol>
            {question.items.map((item) => (
              <li key={item.id} dangerouslySetInnerHTML={{ __html: item.html }} />
            ))}
          </ol>
        </div>
      )}
    </>
  );
}
