import { describe, expect, it } from 'vitest';
import { findChromium } from '~/diagrams/chromium';

describe('finding Chromium', () => {
  it('uses only $CHROMIUM_PATH when it is set, so a missing file means no browser', () => {
    expect(findChromium({ CHROMIUM_PATH: '/nonexistent/chromium' })).toBeUndefined();
    expect(findChromium({ CHROMIUM_PATH: process.execPath })).toBe(process.execPath);
  });
});
