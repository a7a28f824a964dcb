/** One message catalogue for every user-facing text that carries data: runtime, nodes, server and studio. */
export { CATALOGUE, type MessageCode } from './catalogue.ts';
export {
  closestNames,
  type EngineErrorExplained,
  explainEngineError,
  isEngineError,
  positionInUserText,
} from './duckdb.ts';
export { withJosa } from './josa.ts';
export { optionLabel, settingPath } from './option-labels.ts';
export { fieldLabel, paramIssueMessage } from './params.ts';
export { type Lang, type Message, type MessageArg, messageTexts, msg, renderMessage } from './render.ts';
export { typeLabel } from './type-names.ts';
