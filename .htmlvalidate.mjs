// html-validate settings for the built site (checked by tests/e2e/html.spec.ts on every page in dist/).
// A JavaScript config so that each relaxation can say why it is there; JSON allows no comments.
/** @type {import('html-validate').ConfigData} */
export default {
  extends: ['html-validate:recommended'],
  rules: {
    // Shiki colours code for both themes with an inline style="color:…;--shiki-dark:…" on every token,
    // and Mermaid's SVG carries inline styles; neither can be moved to a stylesheet from here.
    'no-inline-style': 'off',
    // A set of checkboxes sharing one name is how HTML submits a multiple-answer question; the rule's
    // default only lets radios and buttons share a name.
    'form-dup-name': ['error', { shared: ['radio', 'checkbox', 'button', 'reset', 'submit'] }],
  },
};
