/**
 * Lesson 4 draws the RFC 9293 state diagram by hand, as a Mermaid state diagram in each language.
 * These tests hold both drawings to the model's edge list, so the picture cannot drift from the
 * rules the simulator and the quizzes use.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lessonOutline } from '~/content/outline';
import { RFC_EDGES, TCP_STATES } from '~/tcp';

interface DrawnEdge {
  from: string;
  to: string;
  /** What the arrow says is sent, e.g. "SYN+ACK"; null when it sends nothing (no slash). */
  sends: string | null;
  line: number;
}

/** Reads the one state-diagram fence of a lesson file into its edges. */
function drawnEdges(file: string): DrawnEdge[] {
  const fences = lessonOutline(readFileSync(file, 'utf8')).mermaid.filter((f) =>
    f.source.startsWith('stateDiagram-v2\n'),
  );
  expect(fences, `${file}: expected exactly one stateDiagram-v2 fence`).toHaveLength(1);
  const fence = fences[0]!;
  const firstLine = fence.line + 1;
  const edges: DrawnEdge[] = [];
  fence.source.split('\n').forEach((text, i) => {
    const m = /^\s*(\S+)\s*-->\s*(\S+)\s*:\s*(.+)$/.exec(text);
    if (!m) return;
    const label = m[3]!.replace(/<br>/g, ' ');
    const slash = label.lastIndexOf('/');
    const sends =
      slash < 0
        ? null
        : label
            .slice(slash + 1)
            .trim()
            .replace(/^(snd|发)\s+/, '');
    edges.push({ from: m[1]!, to: m[2]!, sends, line: firstLine + i });
  });
  return edges;
}

/** The model's "SYN, ACK" becomes the lessons' "SYN+ACK". */
function modelSends(label: string): string | null {
  const action = label.split(' / ')[1];
  return action === undefined ? null : action.replace(/,\s*/g, '+');
}

const files = {
  en: 'content/lessons/en/04-state-machine.mdx',
  zh: 'content/lessons/zh/04-state-machine.mdx',
} as const;

describe.each(Object.entries(files))('lesson 4 state diagram (%s)', (_lang, file) => {
  const edges = drawnEdges(file);

  it('uses only the model’s state names', () => {
    for (const e of edges) {
      expect(TCP_STATES, `${file}:${e.line}`).toContain(e.from);
      expect(TCP_STATES, `${file}:${e.line}`).toContain(e.to);
    }
    const drawn = new Set(edges.flatMap((e) => [e.from, e.to]));
    expect([...drawn].sort()).toEqual([...TCP_STATES].sort());
  });

  it('draws only edges the model may take, each once', () => {
    const seen = new Set<string>();
    for (const e of edges) {
      const key = `${e.from} --> ${e.to}`;
      expect(seen.has(key), `${file}:${e.line}: ${key} is drawn twice`).toBe(false);
      seen.add(key);
      expect(
        RFC_EDGES.some((r) => r.from === e.from && r.to === e.to),
        `${file}:${e.line}: ${key} is not in RFC_EDGES (src/tcp/edges.ts)`,
      ).toBe(true);
    }
  });

  it('draws every edge of RFC 9293 Figure 5', () => {
    for (const r of RFC_EDGES.filter((r) => r.diagram)) {
      expect(
        edges.some((e) => e.from === r.from && e.to === r.to),
        `${file}: missing ${r.from} --> ${r.to} (${r.label})`,
      ).toBe(true);
    }
  });

  it('says what each edge sends, as the model does', () => {
    for (const e of edges) {
      const model = RFC_EDGES.find((r) => r.from === e.from && r.to === e.to)!;
      expect(e.sends, `${file}:${e.line}: ${e.from} --> ${e.to} (model: "${model.label}")`).toBe(
        modelSends(model.label),
      );
    }
  });
});

it('draws the same edges in both languages', () => {
  const pairs = (file: string) => drawnEdges(file).map((e) => `${e.from} --> ${e.to} / ${e.sends ?? ''}`);
  expect(pairs(files.zh)).toEqual(pairs(files.en));
});
