// Proton Mail. ⋯ → "View headers" opens the "Message headers" modal: `<dialog class="… message-headers-modal">`
// with `<pre class="text-break">${Header}\n\r${Body}</pre>`, the stored header block and then the encrypted
// PGP body (source: ProtonMail/WebClients MessageHeadersModal.tsx; §4.5). normalise() turns `\n\r` into a
// blank line, so only the headers come out.
import type { Adapter } from './adapter.js';
import { headerBlock, textOf } from './header-text.js';
import { hostPatterns, onHost } from './url.js';

const HOSTS = ['mail.proton.me', 'mail.protonmail.com'];

export const proton: Adapter = {
  id: 'proton',
  name: 'Proton Mail',
  matches: hostPatterns(HOSTS),
  detect: (url) => onHost(url, HOSTS),
  extract: (doc) => headerBlock(textOf(doc.querySelector('.message-headers-modal pre'))),
  hint: 'hintProton',
};
