import { describe, expect, it } from 'vitest';
import { cacheKey } from '~/diagrams/cache';

describe('the cache key', () => {
  it('changes with the source and with the Mermaid version, not with trailing blanks', () => {
    const src = 'sequenceDiagram\n  A->>B: SYN';
    expect(cacheKey(src, '12.3.0')).not.toBe(cacheKey(`${src}\n  B->>A: ACK`, '12.3.0'));
    expect(cacheKey(src, '12.3.0')).not.toBe(cacheKey(src, '12.4.0'));
    expect(cacheKey(src, '12.3.0')).toBe(cacheKey(`${src}  \r\n`, '12.3.0'));
    expect(cacheKey(src, '12.3.0', { theme: 'neutral' })).not.toBe(cacheKey(src, '12.3.0', { theme: 'dark' }));
  });
});
