/** How long the timers would run under each profile. Data only. */
import type { Profile } from './types';

/**
 * Timer lengths in seconds. The model fires timers as steps, so these are for the reader.
 * RFC 9293 §3.3.2 and §3.4.1: TIME_WAIT lasts 2·MSL, MSL = 2 minutes. Linux: TCP_TIMEWAIT_LEN = 60 s and
 * tcp_fin_timeout = 60 s for an orphaned FIN_WAIT_2 (the RFC has no such timer).
 */
export const TIMEOUTS: Record<Profile, { timeWait: number; finWait2: number | null }> = {
  rfc9293: { timeWait: 240, finWait2: null },
  linux: { timeWait: 60, finWait2: 60 },
};
