import { STRINGS, type Lang } from '~/i18n';

/**
 * The search box's translated strings, as the server writes them into `data-labels` so the browser
 * script needs no dictionary. Templates keep their `{query}` and `{count}` placeholders. Pure.
 *
 * Example: { "label": "Search the lessons", "results": "{count} results for “{query}”", … }
 */
export interface SearchLabels {
  label: string;
  /** The accessible name of the magnifier button that submits the box. */
  submit: string;
  placeholder: string;
  loading: string;
  results: string;
  oneResult: string;
  none: string;
  failed: string;
  needsServer: string;
  resultsLabel: string;
}

/** The search labels for one language. Pure. */
export function searchLabels(lang: Lang): SearchLabels {
  const s = STRINGS[lang];
  return {
    label: s['search.label'],
    submit: s['search.submit'],
    placeholder: s['search.placeholder'],
    loading: s['search.loading'],
    results: s['search.results'],
    oneResult: s['search.oneResult'],
    none: s['search.none'],
    failed: s['search.failed'],
    needsServer: s['search.needsServer'],
    resultsLabel: s['search.resultsLabel'],
  };
}
