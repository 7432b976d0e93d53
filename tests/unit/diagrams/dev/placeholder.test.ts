import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fallbackScriptUrl, placeholderHtml, FALLBACK_SCRIPT } from '~/diagrams/dev/placeholder';

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
    expect(FALLBACK_SCRIPT).toBe(resolve('src/diagrams/dev/client/fallback.ts'));
    expect(existsSync(FALLBACK_SCRIPT)).toBe(true);
    expect(html).not.toMatch(/https?:/);
  });
});
