// Fastmail. More → "Show raw message" opens a new tab; believed to be a JMAP blob download served as
// text/plain from www.fastmailusercontent.com/jmap/download/… (URL template seen in code; the rest a guess,
// §3 Fastmail). That host serves every attachment too, so the text must look like a header block.
import type { Adapter } from './adapter.js';
import { byContent } from './header-text.js';
import { hostPatterns, onHost, underDomain } from './url.js';

const HOSTS = ['app.fastmail.com', 'www.fastmail.com'];
const CONTENT = 'fastmailusercontent.com';

export const fastmail: Adapter = {
  id: 'fastmail',
  name: 'Fastmail',
  matches: [...hostPatterns(HOSTS), `https://*.${CONTENT}/*`],
  detect: (url) => onHost(url, HOSTS) || underDomain(url, [CONTENT]),
  extract: byContent,
  hint: 'hintFastmail',
};
