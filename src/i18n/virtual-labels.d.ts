// The modules src/i18n/bundled-labels.ts makes: an island's labels, one loader per language.
declare module 'virtual:labels/*' {
  const labelsIn: Record<import('./index').Lang, () => Promise<{ default: import('./fill').Labels }>>;
  export default labelsIn;
}
