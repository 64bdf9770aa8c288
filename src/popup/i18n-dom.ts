// Fills the page's static strings from the messages: `data-i18n="key"` sets the text, `data-i18n-placeholder`
// the placeholder. Unknown keys are left as the English text already in the HTML.
import type { MessageKey, Translate } from '../ui/i18n.js';
import { en } from '../ui/messages/en.js';

const isKey = (k: string | undefined): k is MessageKey => k !== undefined && Object.hasOwn(en, k);

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
