import { isLang, type Lang } from '../i18n';
import { readSite } from '../content/site';
import { runScenario } from '../tcp';
import { DEFAULT_CACHE_DIR, readCached } from './cache';
import { cacheKey, normalizeSource } from './options';
import { renderDiagram } from './render';
import { scenarioDiagramSource } from './scenario';
import { chromiumPath, session } from './session';

/** A diagram to render ahead of the pages: its source, language and where it was found. */
interface Pending {
  source: string;
  lang: Lang;
  file: string;
  line?: number;
}

/**
 * Renders, before the bundler starts, the diagrams of the lessons under `root` that the cache lacks
 * (```mermaid fences and <ScenarioDiagram>s, whose Mermaid the TCP model writes), read from each
 * lesson's outline, so that each one has the build's browser and a CPU to itself instead of competing
 * with Vite (on two cores that doubled a state diagram's render time). The pages then find them in
 * memory. A diagram that fails to render is left to its page, which reports it with its file and line.
 * Does nothing without a browser (a release build then fails in the page, naming the file).
 * Returns how many diagrams it rendered. Not pure: reads the disk, renders, writes the cache.
 */
export async function prerenderDiagrams(root: string, cacheDir: string = DEFAULT_CACHE_DIR): Promise<number> {
  const s = session();
  const missing = new Map<string, Pending>();
  const consider = (d: Pending) => {
    const key = cacheKey(normalizeSource(d.source));
    if (!missing.has(key) && readCached(key, cacheDir) === undefined) missing.set(key, d);
  };
  const site = readSite(root);
  for (const lesson of site.lessons) {
    if (!isLang(lesson.lang)) continue;
    const file = lesson.filePath;
    for (const fence of lesson.outline.mermaid) consider({ ...fence, file, lang: lesson.lang });
    for (const use of lesson.outline.diagrams) {
      const scenario = site.scenarios.get(use.scenario);
      const lang = isLang(use.lang) ? use.lang : lesson.lang;
      // A missing or invalid scenario fails the content check, naming the file and line.
      if (!scenario) continue;
      try {
        consider({ source: scenarioDiagramSource(runScenario(scenario), lang, use.from ?? 0).source, lang, file });
      } catch {
        // A bad "from" fails its page, with the message.
      }
    }
  }
  if (missing.size === 0 || !chromiumPath()) return 0;
  let rendered = 0;
  for (const d of missing.values()) {
    const before = s.stats.uncached.count;
    await renderDiagram({ ...d, cacheDir, ahead: true }).catch(() => undefined);
    rendered += s.stats.uncached.count - before;
  }
  return rendered;
}
