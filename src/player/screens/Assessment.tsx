import { useEffect, useRef, useState } from 'preact/hooks';
import type { Marks, Response } from '../../schema/learnerState';
import { drawQuestions } from '../assessment/draw';
import { answerOrStart, marksOf, quizSeed, tryItems } from '../assessment/marks';
import { newSeed } from '../assessment/random';
import { credit, isAnswered, percentScore } from '../assessment/scoring';
import { displayOrder } from '../assessment/shuffle';
import { usePlayer } from '../context';
import { formatPercent, t } from '../i18n';
import { finalProgress } from '../progress';
import { Feedback } from '../questions/Feedback';
import { QuestionView } from '../questions/QuestionView';
import { NotFound } from './Page';

interface ListProps {
  ids: string[];
  seed: number;
  answers: Record<string, Response>;
  onAnswer?: (id: string, response: Response) => void;
  /** After submission: right/wrong and feedback per question. */
  marked: boolean;
  reveal: boolean;
  /** Results of a submitted try, for questions whose answers a resumed session no longer has. */
  marks?: Marks;
}

function QuestionList({ ids, seed, answers, onAnswer, marked, reveal, marks }: ListProps) {
  const { course } = usePlayer();
  // A submitted try resumed without its answers shows each question's result and feedback only.
  const resultOnly = (id: string) => marked && !!marks && answers[id] === undefined;
  return (
    <>
      {ids.some(resultOnly) && <p class="hint">{t('quiz.answersNotKept')}</p>}
      <ol class="questions">
        {ids.map((id, i) => {
          const q = course.questions[id];
          if (!q) return null;
          const only = resultOnly(id);
          const response = only ? undefined : answerOrStart(course, id, seed, answers);
          return (
            <li key={id} class="question">
              <h2 class="qnum">{t('q.number', { n: i + 1, total: ids.length })}</h2>
              <QuestionView
                question={q}
                order={displayOrder(q, seed)}
                response={response}
                onChange={onAnswer && ((r) => onAnswer(id, r))}
                marked={marked && !only}
                reveal={reveal}
                uid={`q-${id}`}
              />
              {marked && <Feedback question={q} credit={only ? (marks![id] ?? 0) : credit(q, response)} />}
            </li>
          );
        })}
      </ol>
    </>
  );
}

/** Answer form with a submit that double-checks when questions are left unanswered. */
function AttemptForm(props: { ids: string[]; seed: number; answers: Record<string, Response>; save(id: string, r: Response): void; submit(at: Record<string, number>, shownAt: number): void }) {
  const { course, announce, reviewing } = usePlayer();
  const [confirming, setConfirming] = useState(false);
  const shownAt = useRef(Date.now());
  const answeredAt = useRef<Record<string, number>>({});
  const open = props.ids.filter((id) => !isAnswered(course.questions[id], answerOrStart(course, id, props.seed, props.answers))).length;
  const submit = () => {
    if (open && !confirming) {
      setConfirming(true);
      return announce(t('quiz.unanswered', { count: open }));
    }
    props.submit(answeredAt.current, shownAt.current);
  };
  return (
    <>
      <QuestionList
        ids={props.ids}
        seed={props.seed}
        answers={props.answers}
        marked={false}
        reveal={false}
        onAnswer={
          reviewing
            ? undefined
            : (id, r) => {
                answeredAt.current[id] = Date.now();
                setConfirming(false);
                props.save(id, r);
              }
        }
      />
      {!reviewing && (
        <div class="actions">
          {confirming && open > 0 && (
            <p class="notice" role="alert">
              {t('quiz.unanswered', { count: open })}
            </p>
          )}
          <button type="button" class="btn" onClick={submit}>
            {confirming && open ? t('quiz.submitAnyway') : t('quiz.submit')}
          </button>
        </div>
      )}
    </>
  );
}

function Summary({ score, best, passing, extra }: { score: number; best: number | null; passing: number; extra?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const passed = score >= passing;
  useEffect(() => ref.current?.focus(), []);
  return (
    <section class={`summary ${passed ? 'ok' : 'bad'}`} aria-labelledby="summary-h">
      <h2 id="summary-h" ref={ref} tabIndex={-1}>
        {t('result.title')}
      </h2>
      <p class="big">
        <span aria-hidden="true">{passed ? '✓ ' : '✗ '}</span>
        {t(passed ? 'result.passed' : 'result.failed', { score: formatPercent(score) })}
      </p>
      <p>
        {t('result.passing', { score: formatPercent(passing) })}
        {best !== null && best !== score && ` ${t('result.best', { score: formatPercent(best) })}`}
      </p>
      {extra && <p>{extra}</p>}
    </section>
  );
}

export function QuizScreen({ moduleId, next }: { moduleId: string; next: string | null }) {
  const { course, state, change, record, announce, passing, reviewing } = usePlayer();
  const module = course.modules.find((m) => m.id === moduleId);
  if (!module || !module.quiz.length) return <NotFound />;
  const quiz = state.quizzes[moduleId] ?? { answers: {}, submitted: false, best: null, tries: 0 };
  const seed = quizSeed(moduleId, quiz.tries, quiz.submitted);
  const ensure = (s: typeof state) => (s.quizzes[moduleId] ??= { answers: {}, submitted: false, best: null, tries: 0 });

  const submit = (answeredAt: Record<string, number>, shownAt: number) => {
    const items = tryItems(course, module.quiz, seed, quiz.answers);
    const score = percentScore(items);
    for (const { question, response } of items)
      if (isAnswered(question, response))
        record({ question, response: response!, credit: credit(question, response), shownAt, answeredAt: answeredAt[question.id] ?? Date.now(), context: { kind: 'quiz', module: moduleId } });
    change((s) => {
      const q = ensure(s);
      items.forEach(({ question, response }) => response !== undefined && (q.answers[question.id] = response));
      q.submitted = true;
      q.tries += 1;
      q.best = Math.max(q.best ?? 0, score);
      q.score = score;
      q.marks = marksOf(items);
    });
    announce(t(score >= passing ? 'result.passed' : 'result.failed', { score: formatPercent(score) }));
  };
  const retry = () => {
    change((s) => {
      const q = ensure(s);
      q.answers = {};
      q.submitted = false;
      delete q.score;
      delete q.marks;
    });
    requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus());
  };
  const lastScore = !quiz.submitted
    ? null
    : (quiz.score ?? percentScore(tryItems(course, module.quiz, seed, quiz.answers)));
  const passed = (quiz.best ?? -1) >= passing;
  return (
    <>
      <p class="eyebrow">{module.title}</p>
      <h1 tabIndex={-1}>{t('quiz.title')}</h1>
      {!quiz.submitted && <p>{t('quiz.intro', { count: module.quiz.length, score: formatPercent(passing) })}</p>}
      {lastScore !== null && <Summary score={lastScore} best={quiz.best} passing={passing} extra={passed ? undefined : t('quiz.retryHint')} />}
      {quiz.submitted ? (
        <QuestionList ids={module.quiz} seed={seed} answers={quiz.answers} marks={quiz.marks} marked reveal={passed || reviewing} />
      ) : (
        <AttemptForm ids={module.quiz} seed={seed} answers={quiz.answers} save={(id, r) => change((s) => void (ensure(s).answers[id] = r))} submit={submit} />
      )}
      <div class="actions">
        {quiz.submitted && !reviewing && (
          <button type="button" class={passed ? 'btn secondary' : 'btn'} onClick={retry}>
            {t('q.tryAgain')}
          </button>
        )}
        {quiz.submitted && next && (
          <a class="btn" href={`#/${next}`}>
            {t('nav.next')}
            <span aria-hidden="true"> →</span>
          </a>
        )}
      </div>
    </>
  );
}

export function FinalScreen() {
  const { course, state, change, record, announce, passing, reviewing } = usePlayer();
  const final = course.final;
  if (!final) return <NotFound />;
  const progress = finalProgress(course, state, passing);
  const current = state.final.current;
  const last = state.final.attempts[state.final.attempts.length - 1];

  const start = () => {
    const seed = newSeed();
    const draw = drawQuestions(final, (id) => course.questions[id]?.module ?? '', seed, last?.draw);
    change((s) => void (s.final.current = { seed, draw, answers: {}, score: null }));
    requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus());
  };
  const submit = (answeredAt: Record<string, number>, shownAt: number) => {
    if (!current) return;
    const items = tryItems(course, current.draw, current.seed, current.answers);
    const score = percentScore(items);
    const attempt = state.final.attempts.length + 1;
    for (const { question, response } of items)
      if (isAnswered(question, response))
        record({ question, response: response!, credit: credit(question, response), shownAt, answeredAt: answeredAt[question.id] ?? Date.now(), context: { kind: 'final', attempt } });
    change((s) => {
      const answers = { ...current.answers };
      items.forEach(({ question, response }) => response !== undefined && (answers[question.id] = response));
      s.final.attempts.push({ ...current, answers, score, marks: marksOf(items) });
      s.final.current = null;
    });
    announce(t(score >= passing ? 'result.passed' : 'result.failed', { score: formatPercent(score) }));
  };

  const intro = (
    <ul>
      <li>{t('final.questions', { count: final.draw })}</li>
      <li>{t('result.passing', { score: formatPercent(passing) })}</li>
      <li>{t('final.attemptsAllowed', { count: course.settings.attempts })}</li>
    </ul>
  );
  return (
    <>
      <h1 tabIndex={-1}>{t('final.title')}</h1>
      {current ? (
        <>
          <p>{t('final.attemptOf', { n: state.final.attempts.length + 1, total: course.settings.attempts })}</p>
          <AttemptForm
            ids={current.draw}
            seed={current.seed}
            answers={current.answers}
            save={(id, r) => change((s) => void (s.final.current && (s.final.current.answers[id] = r)))}
            submit={submit}
          />
        </>
      ) : last && last.score !== null ? (
        <>
          <Summary
            score={last.score}
            best={progress.best}
            passing={passing}
            extra={progress.passed ? t('final.passedNext') : progress.failed ? t('final.failedAll') : t('final.attemptsLeft', { count: progress.attemptsLeft })}
          />
          <div class="actions">
            {!reviewing && progress.attemptsLeft > 0 && (
              <button type="button" class="btn" onClick={start}>
                {t('final.retry')}
              </button>
            )}
            {progress.passed && (
              <a class="btn" href="#/complete">
                {t('final.toCompletion')}
              </a>
            )}
          </div>
          {!(progress.passed || progress.failed) && <p class="hint">{t('final.answersLater')}</p>}
          <QuestionList ids={last.draw} seed={last.seed} answers={last.answers} marks={last.marks} marked reveal={progress.passed || progress.failed} />
        </>
      ) : (
        <>
          {intro}
          {!reviewing && (
            <button type="button" class="btn" onClick={start}>
              {t('final.start')}
            </button>
          )}
        </>
      )}
    </>
  );
}
