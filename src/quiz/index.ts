/** The quiz system's public API: grading, keys, progress, the build check and worksheets. */
export { gradeChoice, gradeOrder, gradeNumber, gradeState, type NumberMistake } from './grade';
export { parseQuizKeys, QuizKeyError, type QuizKey, type QuizKeys } from './keys';
export { answerOf, segmentId, type Answer, type Isns, type QuizModel } from './answers';
export { checkQuizzes, type LessonFile, type KeyFile } from './check';
export { scanQuizzes, type ScannedQuestion } from './scan';
export { modelFromScenarios, segmentsWithIsns } from './model';
export { parseProgress, lessonScore, isLessonDone, type Progress } from './progress';
export { worksheetOf, type WorksheetQuestion } from './worksheet';
export { getQuizzes, siteQuizProblems, siteModel } from './site';
