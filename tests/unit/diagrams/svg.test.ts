import { describe, expect, it } from 'vitest';
import { colourVar, themeSvg, uniqueIds } from '~/diagrams/svg-theme';
import { sourceRows } from '~/diagrams/source-table';
import { missingAccessibility, sourceInfo } from '~/diagrams/source-info';

describe('themeSvg', () => {
  it('maps greys from light to dark onto the five diagram variables', () => {
    expect(['#fff', '#eaeaea', '#999', '#666', '#333'].map(colourVar)).toEqual([
      'var(--diagram-bg)',
      'var(--diagram-fill)',
      'var(--diagram-border)',
      'var(--diagram-line)',
      'var(--diagram-ink)',
    ]);
    expect(colourVar('hsl(0, 0%, 83%)')).toBe('var(--diagram-fill)');
    expect(colourVar('rgba(0,0,0,0)')).toBe('rgba(0,0,0,0)');
  });

  it('rewrites attributes, inline styles and the stylesheet, drops shadows, and sets role="img"', () => {
    const svg =
      '<svg id="m" role="graphics-document document"><style>#m .actor{fill:#eaeaea;stroke:#666;filter:drop-shadow( 1px 2px 2px rgba(185,185,185,1));} #m p{background-color:white;}</style>' +
      '<rect fill="#eaeaea" stroke="#666" filter="url(#m-drop-shadow)"/><text style="fill: #333; font-size: 16px">x</text></svg>';
    const out = themeSvg(svg);
    expect(out).toContain('role="img"');
    expect(out).not.toMatch(/#[0-9a-f]{3,6}\b|white|drop-shadow/i);
    expect(out).toContain('fill="var(--diagram-fill)"');
    expect(out).toContain('fill: var(--diagram-ink)');
    expect(out).toContain('background-color:var(--diagram-bg)');
  });

  it('prefixes bare ids and renames the diagram id everywhere', () => {
    const out = uniqueIds(
      '<svg id="mmd-1"><g id="actor0"/><path marker-end="url(#mmd-1-arrow)"/></svg>',
      'mmd-1',
      'mmd-1-2',
    );
    expect(out).toBe('<svg id="mmd-1-2"><g id="mmd-1-2-actor0"/><path marker-end="url(#mmd-1-2-arrow)"/></svg>');
  });
});

describe('reading a Mermaid source', () => {
  it('finds accTitle and a block accDescr, and reports what is missing', () => {
    expect(sourceInfo('sequenceDiagram\n  accTitle: T\n  accDescr {\n  one\n  two }\n')).toEqual({
      kind: 'sequenceDiagram',
      title: 'T',
      description: 'one two',
    });
    expect(missingAccessibility('stateDiagram-v2\n  accTitle: T\n  A --> B')).toEqual(['accDescr']);
  });

  it('turns sequence messages and notes into rows, with participant names', () => {
    const rows = sourceRows(
      'sequenceDiagram\n participant C as 客户端\n participant S as 服务器\n C->>S: SYN\n Note over S: SYN_RECEIVED\n S-->>C: SYN+ACK',
    );
    expect(rows).toEqual([
      { from: '客户端', to: '服务器', text: 'SYN' },
      { from: '服务器', to: '', text: 'SYN_RECEIVED', note: true },
      { from: '服务器', to: '客户端', text: 'SYN+ACK' },
    ]);
  });

  it('turns state transitions into rows', () => {
    expect(sourceRows('stateDiagram-v2\n  [*] --> CLOSED\n  CLOSED --> LISTEN: passive OPEN / —')).toEqual([
      { from: '[*]', to: 'CLOSED', text: '' },
      { from: 'CLOSED', to: 'LISTEN', text: 'passive OPEN / —' },
    ]);
  });
});
