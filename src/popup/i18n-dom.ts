// Fills the page's static strings from the messages: `data-i18n="key"` sets the text, `data-i18n-placeholder`
// the placeholder. Unknown keys are left as the English text already in the HTML.
import type { MessageKey, Translate } from '../ui/i18n.js';
// A data-i18n value is one of our keys by construction (the pages are ours); an unknown one shows as itself.
const isKey = (k: string | undefined): k is MessageKey => k !== undefined && /^[a-zA-Z][a-zA-Z0-9]*$/.test(k);

export function applyI18n(root: ParentNode, t: Translate): void {
  for (const node of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const key = node.dataset.i18n;
    if (isKey(key)) node.textContent = t(key);
  }
  for (const node of root.querySelectorAll<HTMLTextAreaElement | HTMLInputElement>('[data-i18n-placeholder]')) {
    const key = node.dataset.i18nPlaceholder;
    if (isKey(key)) node.placeholder = t(key);
  }
}
