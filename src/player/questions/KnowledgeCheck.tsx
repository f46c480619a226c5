import { useRef, useState } from 'preact/hooks';
import type { Response } from '../../schema/learnerState';
import { credit, isAnswered } from '../assessment/scoring';
import { displayOrder } from '../assessment/shuffle';
import { plain, usePlayer } from '../context';
import { t } from '../i18n';
import { Feedback, verdict } from './Feedback';
import { QuestionView } from './QuestionView';

/**
 * Practice inside a page: answer, check, see feedback, try again. Not scored,
 * unless the course says so (then each check is also reported as an interaction).
 * The correct answer shows once the learner gets it right or has tried twice.
 */
export function KnowledgeCheck({ id }: { id: string }) {
  const { course, state, change, announce, record } = usePlayer();
  const [shownAt] = useState(Date.now);
  const question = course.questions[id];
  const saved = state.checks[id];
  const [response, setResponse] = useState<Response | undefined>(saved);
  const [checked, setChecked] = useState(saved !== undefined);
  const [tries, setTries] = useState(saved !== undefined ? 1 : 0);
  const box = useRef<HTMLElement>(null);
  // The button pressed disappears with the change: put focus where the learner goes next, unless the
  // learner has already moved on by the time the frame comes (a slow PC).
  const focusSoon = (selector: string) =>
    requestAnimationFrame(() => {
      const now = document.activeElement;
      if (now && now !== document.body && !box.current?.contains(now)) return;
      box.current?.querySelector<HTMLElement>(selector)?.focus();
    });
  if (!question) return null;
  const order = displayOrder(question, 0);
  const value = response ?? (question.type === 'ordering' ? order : undefined);
  const score = credit(question, value);

  const check = (answer = value) => {
    if (!isAnswered(question, answer)) return announce(t('q.answerFirst'));
    setChecked(true);
    setTries(tries + 1);
    focusSoon('.actions button');
    change((s) => void (s.checks[id] = answer!));
    const c = credit(question, answer);
    // Only a course that scores its knowledge checks reports them to the LMS.
    if (course.settings.scoreKnowledgeChecks)
      record({ question, response: answer!, credit: c, shownAt, answeredAt: Date.now(), context: { kind: 'quiz', module: question.module } });
    const fb = c >= 1 ? question.feedback.correct : question.feedback.incorrect;
    announce(`${verdict(question, c)} ${fb ? plain(fb) : ''}`);
  };
  const retry = () => {
    setChecked(false);
    setResponse(undefined);
    focusSoon('input:not([disabled]), select, .q button');
  };
  const uid = `kc-${id}`;
  return (
    <section class="check" ref={box} aria-labelledby={`${uid}-h`}>
      <h2 class="check-title" id={`${uid}-h`}>
        {t('q.checkTitle')}
      </h2>
      <QuestionView
        question={question}
        order={order}
        response={value}
        onChange={
          checked
            ? undefined
            : (r) => {
                setResponse(r);
                // A scenario checks itself when it reaches an ending.
                if (question.type === 'scenario' && isAnswered(question, r)) check(r);
              }
        }
        marked={checked}
        reveal={checked && (score >= 1 || tries >= 2)}
        uid={uid}
      />
      {checked && <Feedback question={question} credit={score} />}
      <div class="actions">
        {!checked && question.type !== 'scenario' && (
          <button type="button" class="btn" onClick={() => check()}>
            {t('q.check')}
          </button>
        )}
        {checked && (
          <button type="button" class="btn secondary" onClick={retry}>
            {t('q.tryAgain')}
          </button>
        )}
      </div>
    </section>
  );
}
