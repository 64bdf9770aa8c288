// Every webmail adapter, in the order they are asked: webmails on known hosts, then the ones recognised by
// their paths on any host, then the generic finder, which takes every page. test/extract/meta.test.ts checks
// that each src/extract/<id>.ts is listed here once and has its fixtures.
import type { Adapter } from './adapter.js';
import { fastmail } from './fastmail.js';
import { generic } from './generic.js';
import { gmail } from './gmail.js';
import { gmx } from './gmx.js';
import { horde } from './horde.js';
import { icloud } from './icloud.js';
import { mailbox } from './mailbox.js';
import { nextcloud } from './nextcloud.js';
import { outlook } from './outlook.js';
import { proton } from './proton.js';
import { roundcube } from './roundcube.js';
import { sogo } from './sogo.js';
import { tonline } from './tonline.js';
import { tuta } from './tuta.js';
import { yahoo } from './yahoo.js';
import { zoho } from './zoho.js';

export const ADAPTERS: readonly Adapter[] = [
  gmail,
  outlook,
  yahoo,
  proton,
  gmx,
  fastmail,
  zoho,
  icloud,
  mailbox,
  tuta,
  tonline,
  roundcube,
  sogo,
  horde,
  nextcloud,
  generic,
];

/** The adapter of the webmail this URL belongs to (its hint applies there); the generic one otherwise. */
export function adapterFor(url: URL): Adapter {
  for (const adapter of ADAPTERS) {
    try {
      if (adapter.detect(url)) return adapter;
    } catch {
      // A detect that throws on a strange URL just does not match.
    }
  }
  return generic;
}

function attempt(adapter: Adapter, doc: Document, url: URL): string | null {
  try {
    return adapter.extract(doc, url);
  } catch {
    // Pages change under us; a broken adapter must not break the page or the other adapters.
    return null;
  }
}

/**
 * The header block this page shows: the matching adapter's (adapterFor), else what the generic finder
 * sees; null when neither finds one (then show adapterFor(url).hint). Never throws.
 */
export function extractFrom(doc: Document, url: URL): string | null {
  const adapter = adapterFor(url);
  const text = attempt(adapter, doc, url);
  // Adapters without known markup already use the generic finder (byContent): no second pass for them.
  return text !== null || adapter.extract === generic.extract ? text : attempt(generic, doc, url);
}
