/** Build-time Mermaid rendering: the Markdown plugin, the integration, and the shared renderer. */
export { mermaidPlugin, langFromPath } from './plugin';
export { diagramsIntegration } from './integration';
export { renderDiagram, DiagramError } from './render';
export { cacheKey, mermaidVersion, MERMAID_CONFIG, DIAGRAM_FONT_STACK } from './options';
