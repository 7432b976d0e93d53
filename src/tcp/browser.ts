/**
 * The TCP model as a simulator island needs it in the browser: the world, the scenario runner and the
 * flag names, with the vocabulary types. Islands import this file, not `./index`: it leaves out the
 * scenario checker and its messages (`parseScenario`: the build has checked every scenario), the
 * Mermaid and table renderers and the edge table, which only build-time code and tests use.
 * Pure TypeScript, no DOM. `npm run bench` holds its bundle to the 6 KB gzip budget.
 */
export type * from './types';
export { formatFlags } from './segment';
export {
  createWorld,
  type World,
  type WorldOptions,
  type WorldLog,
  type LoggedError,
  type WorldSnapshot,
  type Selector,
  type StateChange,
} from './world';
export { runScenario, type Trace, type TraceStep, type States } from './run';
export type { Scenario, Step, Localized } from './scenario';
