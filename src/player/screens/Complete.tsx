import { useState } from 'preact/hooks';
import { usePlayer } from '../context';
import { formatDate, formatPercent, t } from '../i18n';
import { finalProgress, moduleProgress } from '../progress';

/** The end of the course: what is still missing, or the certificate and the job aid, both printable. */
export function CompleteScreen() {
  const { course, state, launch, result, passing } = usePlayer();
  const [typedName, setTypedName] = useState('');
  const final = finalProgress(course, state, passing);
  const done = result.completion === 'completed' && result.success !== 'failed' && state.completedOn;
  if (!done) {
    const rules = course.settings.completion;
    const unseen = course.modules.reduce((n, m) => n + m.pages.length - moduleProgress(course, state, m, passing).seen, 0);
    const quizzes = course.modules.filter((m) => m.quiz.length && !(state.quizzes[m.id]?.tries > 0)).length;
    return (
      <>
        <h1 tabIndex={-1}>{t(final.failed ? 'complete.failedTitle' : 'complete.notYet')}</h1>
        {final.failed ? (
          <p>{t('final.failedAll')}</p>
        ) : (
          <ul>
            {rules.allPagesSeen && unseen > 0 && <li>{t('complete.pagesLeft', { count: unseen })}</li>}
            {rules.allModuleQuizzesSubmitted && quizzes > 0 && <li>{t('complete.quizzesLeft', { count: quizzes })}</li>}
            {rules.finalAssessmentPassed && course.final && !final.passed && <li>{t('complete.finalLeft')}</li>}
          </ul>
        )}
        <p>
          <a class="btn" href="#/menu">{t('nav.toMenu')}</a>
        </p>
      </>
    );
  }
  const name = launch.learnerName ?? typedName;
  return (
    <>
      <div class="no-print">
        <h1 tabIndex={-1}>{t('complete.title')}</h1>
        <p>{t('complete.body')}</p>
        {!launch.learnerName && (
          <p>
            <label for="cert-name">{t('complete.nameLabel')}</label>
            <input id="cert-name" class="fill" type="text" autoComplete="name" value={typedName} onInput={(e) => setTypedName((e.target as HTMLInputElement).value)} />
          </p>
        )}
        <div class="actions">
          <button type="button" class="btn" onClick={() => window.print()}>
            {t('complete.printCertificate')}
          </button>
          {course.jobAid && (
            <a class="btn secondary" href={`#/page/course/${course.jobAid}`}>
              {t('complete.jobAid')}
            </a>
          )}
        </div>
      </div>
      <section class="certificate" aria-labelledby="cert-h">
        <p class="cert-kicker">{course.publisher.name}</p>
        <h2 id="cert-h">{t('complete.certificate')}</h2>
        <p>{t('complete.certifies')}</p>
        <p class="cert-title">{course.title}</p>
        <p>{t('complete.completedBy')}</p>
        <p class="cert-name">{name || '\u00a0'}</p>
        <dl class="facts">
          <div>
            <dt>{t('complete.date')}</dt>
            <dd>{formatDate(state.completedOn!)}</dd>
          </div>
          {result.score !== null && (
            <div>
              <dt>{t('complete.score')}</dt>
              <dd>{formatPercent(result.score)}</dd>
            </div>
          )}
        </dl>
      </section>
    </>
  );
}
