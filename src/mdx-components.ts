/**
 * What an author may write in a lesson's MDX, without importing it: the pages render a lesson with
 * `<Content components={lessonComponents} />`. Worksheets render the same lesson with
 * `worksheetComponents`, in which each question prints for paper and everything else draws nothing.
 * Question types come from the registry (src/quiz/registry.ts): src/quiz/types/<type>/Question.astro,
 * Sheet.astro and the child component named by the type (Option.astro, Step.astro).
 */
import { QUESTION_TYPES } from '~/quiz/registry';
import ScenarioDiagram from '~/diagrams/ScenarioDiagram.astro';
import SequenceTable from '~/diagrams/SequenceTable.astro';
import CodeFile from '~/components/lesson/CodeFile.astro';
import PhoneSimulator from '~/simulator/PhoneSimulator.astro';
import QuizSummary from '~/quiz/components/QuizSummary.astro';
import Feedback from '~/quiz/components/Feedback.astro';
import Explanation from '~/quiz/components/Explanation.astro';
import Nothing from '~/quiz/components/Nothing.astro';

type Component = (props: never) => unknown;
const files = import.meta.glob<Component>('./quiz/types/*/*.astro', { eager: true, import: 'default' });

/** The component `name` of a question type's folder; fails the build naming the missing file. */
function typeFile(type: string, name: string): Component {
  const file = files[`./quiz/types/${type}/${name}.astro`];
  if (!file) throw new Error(`The question type "${type}" needs src/quiz/types/${type}/${name}.astro.`);
  return file;
}

const children = Object.fromEntries(
  QUESTION_TYPES.flatMap((t) => (t.childTag ? [[t.childTag, typeFile(t.type, t.childTag)]] : [])),
);

/** The components of a lesson page. */
export const lessonComponents = {
  ScenarioDiagram,
  SequenceTable,
  CodeFile,
  PhoneSimulator,
  QuizSummary,
  Feedback,
  Explanation,
  ...children,
  ...Object.fromEntries(QUESTION_TYPES.map((t) => [t.tag, typeFile(t.type, 'Question')])),
};

/** The components of a worksheet page: questions print, the rest of the lesson draws nothing. */
export const worksheetComponents = {
  ...lessonComponents,
  ScenarioDiagram: Nothing,
  SequenceTable: Nothing,
  CodeFile: Nothing,
  PhoneSimulator: Nothing,
  QuizSummary: Nothing,
  ...Object.fromEntries(QUESTION_TYPES.map((t) => [t.tag, typeFile(t.type, 'Sheet')])),
};
