import { LanguageSwitch } from '../LanguageSwitch';
import { usePlayer } from '../context';
import { formatMinutes, t } from '../i18n';
import { courseFlow } from '../progress';

export function StartScreen() {
  const { course, state, launch, reviewing, go } = usePlayer();
  const flow = courseFlow(course);
  const resumable = !!state.location && state.location !== flow[0] && state.location !== 'start';
  const objectives = course.modules.flatMap((m) => m.objectives);
  return (
    <div class="start">
      <h1 tabIndex={-1}>{course.title}</h1>
      <p class="lead">{course.description}</p>
      {launch.warnings.map((w) => (
        <p class="notice" key={w}>
          {t(w, { defaultValue: t('warning.generic') })}
        </p>
      ))}
      <dl class="facts">
        <div>
          <dt>{t('start.time')}</dt>
          <dd>{formatMinutes(course.minutes)}</dd>
        </div>
        <div>
          <dt>{t('start.modules')}</dt>
          <dd>{t('start.moduleCount', { count: course.modules.length })}</dd>
        </div>
      </dl>
      {objectives.length > 0 && (
        <>
          <h2>{t('start.objectives')}</h2>
          <ul>
            {objectives.map((o, i) => (
              <li key={i}>{o}</li>
            ))}
          </ul>
        </>
      )}
      <h2>{t('lang.choose')}</h2>
      <LanguageSwitch />
      <div class="actions">
        {reviewing && <p>{t('review.note')}</p>}
        {resumable ? (
          <>
            <button type="button" class="btn" onClick={() => go(state.location!)}>
              {t('start.resume')}
            </button>
            <button type="button" class="btn secondary" onClick={() => go(flow[0])}>
              {t('start.fromBeginning')}
            </button>
            <p class="hint">{t('start.progressKept')}</p>
          </>
        ) : (
          <button type="button" class="btn" onClick={() => go(flow[0])}>
            {t(reviewing ? 'start.review' : 'start.begin')}
          </button>
        )}
      </div>
    </div>
  );
}
