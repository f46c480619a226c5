import { useEffect, useRef } from 'preact/hooks';
import { walkScenario } from '../assessment/scoring';
import { formatPercent, t } from '../i18n';
import type { QuestionProps } from './types';

/** A branching story: the path taken stays on screen, step by step, up to the ending and its outcome. */
export function Scenario({ question, response, onChange, uid }: QuestionProps<'scenario'>) {
  const path = Array.isArray(response) ? response : [];
  const walk = walkScenario(question, path);
  const stepRef = useRef<HTMLDivElement>(null);
  const length = useRef(path.length);
  useEffect(() => {
    // The chosen button is gone: carry focus to what the choice led to.
    if (path.length > length.current) stepRef.current?.focus();
    length.current = path.length;
  }, [path.length]);
  return (
    <>
      {walk.steps.length > 0 && (
        <>
          <p class="hint">{t('q.pathTaken')}</p>
          <ol class="path">
            {walk.steps.map((s) => (
              <li key={s.node.id}>
                <div dangerouslySetInnerHTML={{ __html: s.node.html }} />
                <p class="taken">
                  <span aria-hidden="true">→ </span>
                  {t('q.yourChoice')} <span dangerouslySetInnerHTML={{ __html: s.choice.html }} />
                </p>
                {s.choice.feedback && <div class="choice-feedback" dangerouslySetInnerHTML={{ __html: s.choice.feedback }} />}
              </li>
            ))}
          </ol>
        </>
      )}
      <div ref={stepRef} tabIndex={-1} class="scene">
        {walk.current && (
          <>
            <div dangerouslySetInnerHTML={{ __html: walk.current.html }} />
            {onChange ? (
              <ul class="options" aria-label={t('q.whatNext')}>
                {walk.current.choices.map((c) => (
                  <li key={c.id}>
                    <button type="button" class="btn secondary choice" id={`${uid}-${c.id}`} onClick={() => onChange([...path, c.id])}>
                      <span dangerouslySetInnerHTML={{ __html: c.html }} />
                    </button>
                  </li>
                ))}
              </ul>
            ) : (
              <p class="hint">{t('q.notFinished')}</p>
            )}
          </>
        )}
        {walk.ending && (
          <div class="ending">
            <p class="hint">{t('q.outcome')}</p>
            <div dangerouslySetInnerHTML={{ __html: walk.ending.html }} />
            <p>
              <strong>{t('q.outcomeScore', { score: formatPercent(walk.ending.score) })}</strong>
            </p>
            {walk.ending.feedback && <div dangerouslySetInnerHTML={{ __html: walk.ending.feedback }} />}
          </div>
        )}
      </div>
    </>
  );
}
