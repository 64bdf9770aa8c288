// Nextcloud Mail, self-hosted on any host (/apps/mail/, or /index.php/apps/mail/). ⋯ → "View source" opens a
// modal: `<div class="message-source"><h2>…</h2><pre>…</pre></div>` (source: nextcloud/mail SourceModal.vue).
import type { Adapter } from './adapter.js';
import { headerBlock, textOf } from './header-text.js';
import { isWeb } from './url.js';

export const nextcloud: Adapter = {
  id: 'nextcloud',
  name: 'Nextcloud Mail',
  matches: [],
  detect: (url) => isWeb(url) && /\/apps\/mail(?:\/|$)/.test(url.pathname),
  extract: (doc) => headerBlock(textOf(doc.querySelector('.message-source pre'))),
  hint: 'hintNextcloud',
};
