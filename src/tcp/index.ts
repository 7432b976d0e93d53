/**
 * The TCP model of "Hello, TCP": everything public, re-exported, for build-time code and tests. Browser
 * islands import `./browser`, the part they need. Pure TypeScript, no DOM.
 */
export * from './types';
export { seqAdd, seqDiff, seqLt, seqLe } from './seq';
export { seg, segLen, injectionSegment } from './segment';
export { RFC_EDGES, isRfcEdge, type RfcEdge } from './edges';
export { mulberry32 } from './prng';
export { TIMEOUTS } from './profile';
export { newTcb, RCV_WND, type Tcb, type Transition } from './tcb';
export { receive, listenReceive, closedReply } from './receive';
export {
  activeOpen,
  userWrite,
  userRead,
  userShutdown,
  userClose,
  userAbort,
  abortSegment,
  type CallTransition,
} from './calls';
export { fireTimer, timerRunning } from './timers';
// The browser part (world, runner, their types), then what only the build and tests use.
export * from './browser';
export { parseScenario, ScenarioError } from './scenario';
export { traceToMermaid, traceToTable, segmentLabel, mermaidSafe, type Lang, type RenderOptions } from './mermaid';
