// SOGo, self-hosted on any host. The message source is served as text/plain at
// …/SOGo/so/<user>/Mail/<account>/<folder>/<uid>/viewsource (source: Alinto SOGo UIxMailSourceView.m); how
// the app opens it (a tab or a dialog) is unverified.
import type { Adapter } from './adapter.js';
import { headerBlock, plainText } from './header-text.js';
import { isWeb } from './url.js';

export const sogo: Adapter = {
  id: 'sogo',
  name: 'SOGo',
  matches: [],
  detect: (url) => isWeb(url) && url.pathname.includes('/SOGo/'),
  extract: (doc, url) => (url.pathname.endsWith('/viewsource') ? headerBlock(plainText(doc)) : null),
  hint: 'hintSogo',
};
