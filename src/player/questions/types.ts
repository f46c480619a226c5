import type { QuestionData, QuestionOfType } from '../../schema/courseData';
import type { Response } from '../../schema/learnerState';

export interface QuestionProps<T extends QuestionData['type'] = QuestionData['type']> {
  question: QuestionOfType<T>;
  /** Display order from displayOrder(): choices, matching options, or the starting order. */
  order: string[];
  response: Response | undefined;
  /** Absent: read-only (submitted, or review). */
  onChange?: (response: Response) => void;
  /** Show right/wrong on each part of the answer. */
  marked: boolean;
  /** Show the correct answer as well. */
  reveal: boolean;
  /** Unique per rendered question, for element ids and radio names. */
  uid: string;
}
