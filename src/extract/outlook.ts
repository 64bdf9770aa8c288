// Outlook.com, Microsoft 365 and on-premises Outlook on the web. "… → View → View message source" (or, in
// M365, "View message details") opens a dialog inside the app (documented by Lifewire, Rackspace, IONOS).
// Its markup is undocumented (guess: a Fluent UI `[role=dialog]` with a `<pre>` or a `<textarea>`, §4.3), so
// the dialog's text block is found by its content, never by class names.
import type { Adapter } from './adapter.js';
import { findHeaderBlock } from './header-text.js';
import { hostPatterns, isWeb, onHost } from './url.js';

const HOSTS = ['outlook.live.com', 'outlook.office.com', 'outlook.office365.com', 'outlook.cloud.microsoft'];

export const outlook: Adapter = {
  id: 'outlook',
  name: 'Outlook',
  matches: hostPatterns(HOSTS),
  // Exchange Server's OWA lives at /owa/ on the organisation's own host.
  detect: (url) => onHost(url, HOSTS) || (isWeb(url) && url.pathname.toLowerCase().startsWith('/owa/')),
  extract: (doc) => findHeaderBlock(doc, '[role=dialog] pre, [role=dialog] textarea, [role=dialog] div'),
  hint: 'hintOutlook',
};
