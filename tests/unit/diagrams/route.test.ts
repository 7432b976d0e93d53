import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagramRoute, type DiagramRoute, type RouteInput } from '~/diagrams/route';
import { fallbackScriptUrl, placeholderHtml, FALLBACK_SCRIPT } from '~/diagrams/placeholder';
import { findChromium } from '~/diagrams/chromium';

describe('where a diagram comes from', () => {
  const table: [RouteInput, DiagramRoute][] = [
    [{ mode: 'build', cached: true, browser: true }, 'cache'],
    [{ mode: 'build', cached: true, browser: false }, 'cache'],
    [{ mode: 'build', cached: false, browser: true }, 'browser'],
    [{ mode: 'build', cached: false, browser: false }, 'fail'],
    [{ mode: 'dev', cached: true, browser: true }, 'cache'],
    [{ mode: 'dev', cached: true, browser: false }, 'cache'],
    [{ mode: 'dev', cached: false, browser: true }, 'browser'],
    [{ mode: 'dev', cached: false, browser: false }, 'reader'],
  ];
  it.each(table)('%o → %s', (input, route) => {
    expect(diagramRoute(input)).toBe(route);
  });
});

describe('finding Chromium', () => {
  it('uses only $CHROMIUM_PATH when it is set, so a missing file means no browser', () => {
    expect(findChromium({ CHROMIUM_PATH: '/nonexistent/chromium' })).toBeUndefined();
    expect(findChromium({ CHROMIUM_PATH: process.execPath })).toBe(process.execPath);
  });
});

describe('the dev-only placeholder', () => {
  const source = 'sequenceDiagram\n  accTitle: <b>"A" & B</b>\n  C->>S: SYN';
  const html = placeholderHtml(source, 'mmd-abc-2', 'zh', fallbackScriptUrl('/tcp/', '/work/site/fallback.ts'));

  it('carries the escaped Mermaid source, the id and localized messages', () => {
    expect(html).toMatch(/^<hello-mermaid data-id="mmd-abc-2" /);
    expect(html).toContain('data-loading="正在绘制示意图…"');
    expect(html).toContain('data-failed="这张图没能画出来：{message}"');
    expect(html).toContain(
      '<pre class="diagram-source">sequenceDiagram\n  accTitle: &#60;b&#62;&#34;A&#34; &#38; B&#60;/b&#62;\n  C-&#62;&#62;S: SYN</pre>',
    );
    expect(html).not.toContain('<b>');
  });

  it('loads the local fallback script through the dev server, under the base path, never from a CDN', () => {
    expect(html).toContain('<script type="module" src="/tcp/@fs/work/site/fallback.ts"></script>');
    expect(fallbackScriptUrl('/', 'C:\\site\\fallback.ts')).toBe('/@fs/C:/site/fallback.ts');
    expect(FALLBACK_SCRIPT).toBe(resolve('src/diagrams/client/fallback.ts'));
    expect(existsSync(FALLBACK_SCRIPT)).toBe(true);
    expect(html).not.toMatch(/https?:/);
  });
});
