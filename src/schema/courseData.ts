/**
 * CourseData: what the compiler produces and the player reads, one object per locale
 * (the player loads only the learner's language). Every string is already in that
 * locale; every *html field is sanitised HTML made by the compiler from Markdown.
 * The player never sees author files, and this is the whole of what it sees.
 *
 * `num` fields are the permanent numbers from course/ids.json; saved progress uses them.
 */

export type Html = string;

export interface CourseData {
  id: string;
  version: string;
  locale: string;
  /** All locales of the course, primary first. */
  locales: string[];
  /**
   * Each locale's name in its own language ("Polski", "English"), for the language buttons. Made at
   * build time: Intl.DisplayNames in the browser loads locale data that cost ~80 ms on a slow PC.
   */
  localeNames: Record<string, string>;
  title: string;
  description: string;
  publisher: { name: string; url?: string; contact?: string; funding?: string };
  settings: CourseSettings;
  /** Course-level pages (module id "course"), shown before the modules. */
  coursePages: PageData[];
  jobAid?: string;
  accessibilityPage?: string;
  modules: ModuleData[];
  /** Every question of the course (knowledge checks, module quizzes, final bank), by id. */
  questions: Record<string, QuestionData>;
  final: FinalAssessmentData | null;
  glossary: GlossaryEntry[];
  /** Total estimated minutes (modules' sum). */
  minutes: number;
}

export interface CourseSettings {
  navigation: { modules: 'free' | 'sequential'; pages: 'free' | 'sequential' };
  completion: { allPagesSeen: boolean; allModuleQuizzesSubmitted: boolean; finalAssessmentPassed: boolean };
  /** Percent (0–100) the course passes at, unless the LMS gives a mastery score. */
  passingScore: number;
  /** Final assessment attempts per LMS attempt. */
  attempts: number;
  scoreKnowledgeChecks: boolean;
  exitAfterCompletion: 'suspend' | 'normal';
}

export interface PageData {
  /** "<module>/<page>", or "course/<page>" for course-level pages; unique in the course. */
  key: string;
  id: string;
  module: string;
  num: number;
  title: string;
  /**
   * Rendered page. Placeholders the player brings to life:
   *   <div class="kc" data-question="ID"></div>              knowledge check
   *   <button type="button" class="term" data-term="ID">…</button>   glossary term
   *   <a href="#/page/<module>/<page>" data-page="KEY">…</a>   link to another page
   *   <aside class="callout callout-note|tip|warning|legal">…</aside>
   *   <figure><img src="assets/…" alt="…"><figcaption>…</figcaption></figure>
   * null in the player's course data for a module page: each module's pages come in their own
   * chunk, loaded when the learner reaches them (src/player/courseSource.ts), so the start
   * screen waits for the course's outline and questions only.
   */
  html: Html | null;
  /** Ids of the knowledge checks embedded in this page, in order. */
  checks: string[];
}

export interface ModuleData {
  id: string;
  title: string;
  summary: string;
  objectives: string[];
  minutes: number;
  pages: PageData[];
  /** Ids of the scored module-quiz questions (use "quiz"), in author order. Empty: no quiz. */
  quiz: string[];
  sources: { id: string; title: string; url?: string }[];
}

export interface FinalAssessmentData {
  draw: number;
  /** module id → number of questions drawn from that module */
  quotas: Record<string, number>;
  /** ids of the bank's questions */
  bank: string[];
}

export interface GlossaryEntry {
  id: string;
  term: string;
  definition: Html;
}

interface QuestionBase {
  id: string;
  num: number;
  use: 'check' | 'quiz' | 'final';
  /** Module the question belongs to (for final-bank questions, the module tag). */
  module: string;
  points: number;
  scoring: 'all-or-nothing' | 'partial';
  shuffle: boolean;
  prompt: Html;
  /** The prompt as plain text, at most 250 characters: the LMS interaction description. */
  text: string;
  feedback: { correct?: Html; incorrect?: Html };
}

export interface ChoiceData {
  id: string;
  html: Html;
  correct: boolean;
  feedback?: Html;
}

export type QuestionData =
  | (QuestionBase & { type: 'single' | 'multiple'; choices: ChoiceData[] })
  | (QuestionBase & { type: 'truefalse'; answer: boolean })
  | (QuestionBase & { type: 'matching'; pairs: { id: string; prompt: Html; match: Html }[] })
  | (QuestionBase & { type: 'ordering'; items: { id: string; html: Html }[] })
  | (QuestionBase & {
      type: 'fillin';
      answer: { kind: 'text'; accepted: string[]; caseSensitive: boolean } | { kind: 'number'; value: number; tolerance: number };
    })
  | (QuestionBase & {
      type: 'scenario';
      start: string;
      nodes: { id: string; num: number; html: Html; choices: { id: string; html: Html; feedback?: Html; next: string }[] }[];
      endings: { id: string; num: number; html: Html; score: number; feedback?: Html }[];
    });

export type QuestionOfType<T extends QuestionData['type']> = Extract<QuestionData, { type: T }>;
