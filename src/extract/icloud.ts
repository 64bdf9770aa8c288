// iCloud Mail. The older app showed "Show long headers" inline; the current one is unverified, and the app
// may run in a frame below /applications/mail… (guess, §1). The header block is found by its content.
import type { Adapter } from './adapter.js';
import { byContent } from './header-text.js';
import { hostPatterns, onHost } from './url.js';

const HOSTS = ['www.icloud.com'];

export const icloud: Adapter = {
  id: 'icloud',
  name: 'iCloud Mail',
  matches: hostPatterns(HOSTS),
  detect: (url) => onHost(url, HOSTS) && /^\/(?:applications\/)?mail/.test(url.pathname),
  extract: byContent,
  hint: 'hintIcloud',
};
