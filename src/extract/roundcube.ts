// Roundcube, self-hosted on any host (source: roundcube/roundcubemail; §4.7). Two views:
// - More → "View source": ?_task=mail&_action=viewsource&_uid=…, served as text/plain.
// - The headers dialog (?_task=mail&_action=headers&_uid=…, in a frame; older skins put the same markup into
//   the message view): program/actions/mail/headers.php escapes the headers, wraps each name in
//   `<font class="bold">Received:</font>`, turns folding into `\n&nbsp;&nbsp;&nbsp;&nbsp;` and every line end
//   into `<br />`. textOf() reads `<br>` as LF and normalise() the no-break spaces as spaces.
import type { Adapter } from './adapter.js';
import { headerBlock, plainText, textOf } from './header-text.js';
import { isWeb } from './url.js';

export const roundcube: Adapter = {
  id: 'roundcube',
  name: 'Roundcube',
  matches: [],
  // Every Roundcube page after the login names its task: ?_task=mail, ?_task=settings…
  detect: (url) => isWeb(url) && url.searchParams.has('_task'),
  extract: (doc, url) =>
    url.searchParams.get('_action') === 'viewsource'
      ? headerBlock(plainText(doc))
      : headerBlock(textOf(doc.querySelector('font.bold')?.parentElement)),
  hint: 'hintRoundcube',
};
