import type { QuestionProps } from './types';
import { Choice } from './Choice';
import { FillIn } from './FillIn';
import { Matching } from './Matching';
import { Ordering } from './Ordering';
import { Scenario } from './Scenario';

/** A question's prompt and answer controls; the prompt names the group for assistive technology. */
export function QuestionView(props: QuestionProps) {
  const q = props.question;
  const body =
    q.type === 'single' || q.type === 'multiple' || q.type === 'truefalse' ? (
      <Choice {...(props as QuestionProps<'single'>)} />
    ) : q.type === 'matching' ? (
      <Matching {...(props as QuestionProps<'matching'>)} />
    ) : q.type === 'ordering' ? (
      <Ordering {...(props as QuestionProps<'ordering'>)} />
    ) : q.type === 'fillin' ? (
      <FillIn {...(props as QuestionProps<'fillin'>)} />
    ) : (
      <Scenario {...(props as QuestionProps<'scenario'>)} />
    );
  return (
    <fieldset class="q">
      <legend class="prompt" dangerouslySetInnerHTML={{ __html: q.prompt }} />
      {body}
    </fieldset>
  );
}
