/**
 * What a Mermaid source says about itself without rendering it: its kind and its accessible
 * title and description (`accTitle: …`, `accDescr: …` or `accDescr { … }`).
 *
 * ```json
 * { "kind": "sequenceDiagram", "title": "The three-way handshake", "description": "Three segments…" }
 * ```
 */
export interface SourceInfo {
  kind: string;
  title?: string;
  description?: string;
}

/** Reads the kind, accTitle and accDescr of a Mermaid source. Pure. */
export function sourceInfo(source: string): SourceInfo {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const first = lines.find((l) => l.trim() !== '' && !l.trim().startsWith('%%'));
  const kind = first?.trim().split(/\s+/)[0] ?? '';
  const info: SourceInfo = { kind };
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    const title = /^accTitle\s*:\s*(.*)$/.exec(line);
    if (title) info.title = (title[1] as string).trim();
    const descr = /^accDescr\s*:\s*(.*)$/.exec(line);
    if (descr) info.description = (descr[1] as string).trim();
    const block = /^accDescr\s*\{\s*(.*)$/.exec(line);
    if (block) {
      const parts: string[] = [];
      let rest = block[1] as string;
      while (!rest.includes('}') && i + 1 < lines.length) {
        parts.push(rest.trim());
        rest = lines[++i] as string;
      }
      parts.push(rest.slice(0, rest.indexOf('}')).trim());
      info.description = parts.filter(Boolean).join(' ');
    }
  }
  return info;
}

/**
 * The accessibility lines a source is missing, e.g. ['accTitle'] — empty when it has both. Pure.
 */
export function missingAccessibility(source: string): string[] {
  const info = sourceInfo(source);
  const missing: string[] = [];
  if (!info.title) missing.push('accTitle');
  if (!info.description) missing.push('accDescr');
  return missing;
}
