/**
 * The TCP model as a simulator island needs it in the browser: the world, the scenario runner and the
 * segment labels, with the vocabulary types. Islands import this file, not `./index`: it leaves out the
 * scenario checker and its messages (`parseScenario`: the build has checked every scenario) and the
 * edge table, which only build-time code and tests use.
 * Pure TypeScript, no DOM. `npm run bench` holds its bundle to the 6 KB gzip budget.
 */
export type * from './types';
export { callText, flagNames, formatFlags, segmentLabel } from './segment';
export {
  createWorld,
  type World,
  type WorldOptions,
  type WorldLog,
  type LoggedError,
  type WorldSnapshot,
  type WorldState,
  type Selector,
  type StateChange,
} from './world';
export {
  runScenario,
  runStep,
  type Trace,
  type TraceStep,
  type States,
  type SeqVars,
  type SeqVarsBoth,
  type Listening,
} from './run';
export type { Scenario, Step, Localized } from './scenario';
