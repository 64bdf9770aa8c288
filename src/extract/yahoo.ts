// Yahoo Mail and AOL Mail (same platform; AOL unverified). "… → View raw message" opens the message as
// text/plain, seen in code at apis.mail.yahoo.com/ws/v3/mailboxes/@.id==…/messages/@.id==…/content/rawplaintext
// (and a same-origin mail.yahoo.com/ws/v3/… variant). The browser shows it in its text viewer (§2.1, §4.4).
import type { Adapter } from './adapter.js';
import { headerBlock, plainText } from './header-text.js';
import { hostPatterns, onHost } from './url.js';

const HOSTS = ['mail.yahoo.com', 'apis.mail.yahoo.com', 'mail.aol.com'];

export const yahoo: Adapter = {
  id: 'yahoo',
  name: 'Yahoo Mail',
  matches: hostPatterns(HOSTS),
  detect: (url) => onHost(url, HOSTS),
  extract: (doc, url) => (url.pathname.endsWith('/rawplaintext') ? headerBlock(plainText(doc)) : null),
  hint: 'hintYahoo',
};
