// mailbox.org and any OX App Suite (/appsuite/ on the provider's host). ⋯ → "View source" opens
// `.modal.mail-source-dialog` whose `<textarea class="form-control mail-source-view" readonly>` is filled
// with `.val()` after the modal opens (source: OX io.ox/mail/actions/source and its e2e tests; §4.8).
import type { Adapter } from './adapter.js';
import { headerBlock, textOf } from './header-text.js';
import { hostPatterns, isWeb, onHost } from './url.js';

const HOSTS = ['office.mailbox.org'];

export const mailbox: Adapter = {
  id: 'mailbox',
  name: 'mailbox.org / OX App Suite',
  matches: hostPatterns(HOSTS),
  detect: (url) => onHost(url, HOSTS) || (isWeb(url) && url.pathname.includes('/appsuite/')),
  extract: (doc) => headerBlock(textOf(doc.querySelector('textarea.mail-source-view'))),
  hint: 'hintMailbox',
};
