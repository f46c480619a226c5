import { usePlayer } from '../context';
import { formatMinutes, formatPercent, t } from '../i18n';
import { finalProgress, isLocked, moduleProgress } from '../progress';

const STATUS_ICON = { 'not-started': '○', 'in-progress': '◐', completed: '✓', passed: '✓' };

export function MenuScreen() {
  const { course, state, passing } = usePlayer();
  const final = finalProgress(course, state, passing);
  const locked = (route: string) => isLocked(course, state, route, passing);
  const pageLink = (key: string, title: string) => {
    const seen = state.seen.includes(key);
    return locked(`page/${key}`) ? (
      <span class="locked">
        {title} <span class="tag">{t('menu.locked')}</span>
      </span>
    ) : (
      <a href={`#/page/${key}`}>
        {title}
        {seen && <span class="tag seen"> <span aria-hidden="true">✓</span> {t('menu.seen')}</span>}
      </a>
    );
  };
  return (
    <>
      <h1 tabIndex={-1}>{t('menu.title')}</h1>
      {course.coursePages.length > 0 && (
        <ul class="plain">
          {course.coursePages
            .filter((p) => p.id !== course.accessibilityPage)
            .map((p) => (
              <li key={p.key}>{pageLink(p.key, p.title)}</li>
            ))}
        </ul>
      )}
      <ol class="modules">
        {course.modules.map((m, i) => {
          const p = moduleProgress(course, state, m, passing);
          const moduleLocked = locked(`page/${m.id}/${m.pages[0]?.id}`) && course.settings.navigation.modules === 'sequential' && i > 0;
          return (
            <li key={m.id} class="module">
              <h2>
                <span class="num">{i + 1}.</span> {m.title}
              </h2>
              <p class="status">
                <span aria-hidden="true">{moduleLocked ? '🔒︎ ' : STATUS_ICON[p.status] + ' '}</span>
                {moduleLocked ? t('menu.moduleLocked') : t(`status.${p.status}`)}
                <span class="tag">
                  {' · '}
                  {t('menu.pagesSeen', { seen: p.seen, count: p.total })}
                  {' · '}
                  {formatMinutes(m.minutes)}
                </span>
              </p>
              <div class="meter" aria-hidden="true">
                <div style={{ width: `${p.total ? (p.seen / p.total) * 100 : 0}%` }} />
              </div>
              <p>{m.summary}</p>
              {!moduleLocked && (
                <details>
                  <summary>{t('menu.pages', { count: m.pages.length })}</summary>
                  <ol>
                    {m.pages.map((pg) => (
                      <li key={pg.key}>{pageLink(pg.key, pg.title)}</li>
                    ))}
                  </ol>
                </details>
              )}
              {!moduleLocked && (
                <p class="actions">
                  <a class="btn" href={`#/page/${m.pages.find((pg) => !state.seen.includes(pg.key))?.key ?? m.pages[0]?.key}`}>
                    {t(p.status === 'not-started' ? 'menu.startModule' : p.seen < p.total ? 'menu.continueModule' : 'menu.reviewModule')}
                    <span class="sr-only">: {m.title}</span>
                  </a>
                  {m.quiz.length > 0 &&
                    (locked(`quiz/${m.id}`) ? (
                      <span class="tag">{t('menu.quizLocked')}</span>
                    ) : (
                      <a class="btn secondary" href={`#/quiz/${m.id}`}>
                        {t('menu.quiz')}
                        <span class="sr-only">: {m.title}</span>
                        {p.quizBest !== null && ` (${formatPercent(p.quizBest)})`}
                      </a>
                    ))}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      {course.final && (
        <section class="module">
          <h2>{t('final.title')}</h2>
          <p class="status">
            {final.passed ? (
              <><span aria-hidden="true">✓ </span>{t('final.passedBest', { score: formatPercent(final.best!) })}</>
            ) : final.failed ? (
              <><span aria-hidden="true">✗ </span>{t('final.failedAll')}</>
            ) : (
              t('final.attemptsLeft', { count: final.attemptsLeft })
            )}
          </p>
          {locked('final') ? (
            <p class="tag">{t('menu.finalLocked')}</p>
          ) : (
            <p>
              <a class="btn" href="#/final">
                {t(final.attemptsUsed || state.final.current ? 'menu.openFinal' : 'final.start')}
              </a>
            </p>
          )}
        </section>
      )}
      <p>
        <a href="#/complete">{t('menu.completion')}</a>
      </p>
    </>
  );
}
