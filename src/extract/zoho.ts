// Zoho Mail. More actions → "Show original" opens a window with the headers, and "Show full content" adds the
// body (documented: zoho.com mail help). The window's markup is unknown (guess, §3 Zoho): the header block
// is found by its content.
import type { Adapter } from './adapter.js';
import { byContent } from './header-text.js';
import { hostPatterns, onHost } from './url.js';

const HOSTS = ['mail.zoho.com', 'mail.zoho.eu', 'mail.zoho.in', 'mail.zoho.com.au', 'mail.zoho.jp'];

export const zoho: Adapter = {
  id: 'zoho',
  name: 'Zoho Mail',
  matches: hostPatterns(HOSTS),
  detect: (url) => onHost(url, HOSTS),
  extract: byContent,
  hint: 'hintZoho',
};
