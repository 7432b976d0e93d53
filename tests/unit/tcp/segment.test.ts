import { describe, expect, it } from 'vitest';
import { flagNames, formatFlags, seg, segmentLabel, type Segment } from '../../../src/tcp';

const sent = (s: Segment) => ({ ...s, id: 1, from: 'client' as const });

describe('segment labels (one format for diagrams, tables, quizzes and the simulator)', () => {
  it.each([
    [seg('SYN', 100), ['SYN'], 'SYN', 'SYN seq=100'],
    [seg('ACK,SYN', 300, 101), ['SYN', 'ACK'], 'SYN, ACK', 'SYN, ACK seq=300 ack=101'],
    [seg('ACK,FIN', 105, 301), ['FIN', 'ACK'], 'FIN, ACK', 'FIN, ACK seq=105 ack=301'],
    [seg('RST', 0), ['RST'], 'RST', 'RST seq=0'],
    [seg('ACK', 101, 301, 5, 'hello'), ['ACK'], 'ACK', 'ACK seq=101 ack=301 len=5'],
  ])('%o', (segment, names, flags, label) => {
    expect(flagNames(segment)).toEqual(names);
    expect(formatFlags(segment)).toBe(flags);
    expect(segmentLabel(sent(segment))).toBe(label);
  });
});
