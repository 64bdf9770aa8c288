// T-Online E-Mail Center. Probably More → "Quelltext anzeigen" in a popup window; unverified (guess, §1).
// The header block is found by its content.
import type { Adapter } from './adapter.js';
import { byContent } from './header-text.js';
import { hostPatterns, onHost } from './url.js';

const HOSTS = ['email.t-online.de'];

export const tonline: Adapter = {
  id: 'tonline',
  name: 'T-Online E-Mail',
  matches: hostPatterns(HOSTS),
  detect: (url) => onHost(url, HOSTS),
  extract: byContent,
  hint: 'hintTonline',
};
