// Tuta. More → "Show headers" (or the H key) opens a large dialog titled "Mail headers" with the decrypted
// headers in `<div class="white-space-pre pt-16 pb-16 selectable">` (older builds `pt pb`; source:
// tutao/tutanota MailViewerUtils.showHeaderDialog; §4.9). Other `white-space-pre` blocks exist (plain-text
// bodies), and the title is translated, so the block is chosen by its content.
import type { Adapter } from './adapter.js';
import { findHeaderBlock } from './header-text.js';
import { hostPatterns, onHost } from './url.js';

const HOSTS = ['app.tuta.com', 'mail.tutanota.com'];

export const tuta: Adapter = {
  id: 'tuta',
  name: 'Tuta',
  matches: hostPatterns(HOSTS),
  detect: (url) => onHost(url, HOSTS),
  extract: (doc) => findHeaderBlock(doc, '.white-space-pre'),
  hint: 'hintTuta',
};
