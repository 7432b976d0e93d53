/**
 * The example captures the page offers ("try an example"), by name in content/captures (each has a .pcap
 * and a .txt there; the page embeds the .pcap). Every one needs its `capture.sample.<name>` label. Pure.
 */
export const CAPTURE_SAMPLES = [
  'handshake-data-close',
  'close-unread-rst',
  'connection-refused',
  'half-close',
] as const;
