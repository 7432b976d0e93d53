import { decodeFrame, knownLinkType } from './frame';
import { MAX_PACKETS, type ParseResult, type TcpPacket, type Timestamp, type Warning } from './types';

/**
 * What the two binary readers share: counting packets against `MAX_PACKETS`, decoding each frame and noting
 * link types nobody reads. Stateful but local to one parse.
 */
export class FrameCollector {
  total = 0;
  readonly packets: TcpPacket[] = [];
  readonly warnings: Warning[] = [];
  private readonly unknownLinks = new Map<number, number>();

  /** Adds one frame; false once the capture has more than `MAX_PACKETS` packets. */
  add(linkType: number, data: Uint8Array, time: Timestamp | null): boolean {
    this.total++;
    if (this.total > MAX_PACKETS) return false;
    if (!knownLinkType(linkType)) {
      this.unknownLinks.set(linkType, (this.unknownLinks.get(linkType) ?? 0) + 1);
      return true;
    }
    const p = decodeFrame(linkType, data, this.total, time);
    if (p) this.packets.push(p);
    return true;
  }

  /** The result: the packets, or the reason there are none. */
  finish(format: 'pcap' | 'pcapng'): ParseResult {
    if (this.total > MAX_PACKETS) return { ok: false, error: { code: 'too-many-packets', packets: this.total } };
    const [onlyLink] = [...this.unknownLinks.keys()];
    if (this.packets.length === 0 && onlyLink !== undefined && this.unknownLinks.get(onlyLink) === this.total)
      return { ok: false, error: { code: 'unsupported-link', linkType: onlyLink } };
    for (const [linkType, packets] of this.unknownLinks)
      this.warnings.push({ code: 'unsupported-link', linkType, packets });
    const cut = this.warnings.find((w) => w.code === 'truncated');
    if (this.packets.length === 0 && this.total === 0 && cut) return { ok: false, error: cut };
    if (this.packets.length === 0)
      return { ok: false, error: this.total === 0 ? { code: 'empty' } : { code: 'no-tcp', packets: this.total } };
    return {
      ok: true,
      format,
      timeKind: 'absolute',
      total: this.total,
      packets: this.packets,
      warnings: this.warnings,
    };
  }
}
