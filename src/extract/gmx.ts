// GMX, WEB.DE and mail.com (United Internet's "3c" mail client). "⋮ → Mehr Informationen" (or "Quelltext
// anzeigen") shows the full header (documented by hilfe.gmx.net). The app runs in a cross-origin frame
// (navigator.gmx.net → 3c-bap.gmx.net, seen in code), so this runs in that frame; the header view's markup is
// unknown (guess, §4.6): the header block is found by its content.
import type { Adapter } from './adapter.js';
import { byContent } from './header-text.js';
import { domainPatterns, underDomain } from './url.js';

const DOMAINS = ['gmx.net', 'gmx.com', 'gmx.de', 'web.de', 'mail.com'];

export const gmx: Adapter = {
  id: 'gmx',
  name: 'GMX / WEB.DE',
  matches: domainPatterns(DOMAINS),
  detect: (url) => underDomain(url, DOMAINS),
  extract: byContent,
  hint: 'hintGmx',
};
