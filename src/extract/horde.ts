// Horde IMP, self-hosted on any host. Other → "View source" serves the raw message inline from
// …/imp/view.php?actionID=view_source&… (source: horde/imp view.php; text/plain is a guess).
import type { Adapter } from './adapter.js';
import { headerBlock, plainText } from './header-text.js';
import { isWeb } from './url.js';

export const horde: Adapter = {
  id: 'horde',
  name: 'Horde',
  matches: [],
  detect: (url) => isWeb(url) && url.pathname.includes('/imp/'),
  extract: (doc, url) =>
    url.pathname.endsWith('/view.php') && url.searchParams.get('actionID') === 'view_source' ? headerBlock(plainText(doc)) : null,
  hint: 'hintHorde',
};
