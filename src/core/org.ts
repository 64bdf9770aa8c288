// Which organisation a host name belongs to: its registrable domain by the Public Suffix List (its ICANN
// section, generated into psl/data.ts), folded with the other domains the same mail provider writes in its
// own headers.
import { isAddressLiteral } from './address.js';
import { memoize } from './memo.js';
import { registrableDomain } from './psl/registrable-domain.js';
import { normalizeHost } from './text.js';

/** Domains one provider uses for its own mail servers, as seen in its Received headers. Each group is one
 * organisation: a hop from `x.namprd03.prod.outlook.com` to `y.outlook.office365.com` stays inside Microsoft. */
const PROVIDER_GROUPS: readonly (readonly string[])[] = [
  ['outlook.com', 'office365.com', 'hotmail.com', 'live.com', 'msn.com', 'microsoft.com', 'exchangelabs.com', 'outlook.cn'],
  ['google.com', 'gmail.com', 'googlemail.com', '1e100.net', 'googlegroups.com'],
  ['yahoo.com', 'yahoodns.net', 'aol.com', 'yahoo.net', 'yahoo-inc.com'],
  ['icloud.com', 'me.com', 'mac.com', 'apple.com'],
  ['gmx.net', 'gmx.com', 'gmx.de', 'web.de', 'mail.com', 'kundenserver.de', 'ionos.com', 'ionos.de', '1and1.com', 'server.lan'],
  ['t-online.de', 't-online.com', 't-ipconnect.de'],
  ['yandex.net', 'yandex.ru', 'yandex.com'],
  ['messagingengine.com', 'fastmail.com', 'fastmail.fm'],
  ['protonmail.ch', 'proton.me', 'protonmail.com'],
  ['zoho.com', 'zohomail.com', 'zoho.eu', 'zohomail.eu', 'zoho.in', 'zohomail.in'],
  ['mail.ru', 'mail.ru.', 'corp.mail.ru'],
  ['amazonses.com', 'amazonaws.com'],
  ['posteo.de', 'posteo.net'],
  ['mailbox.org', 'heinlein-hosting.de'],
  ['tutanota.de', 'tutanota.com', 'tuta.io', 'tuta.com'],
  ['pphosted.com', 'ppops.net', 'ppe-hosted.com', 'proofpoint.com'],
  ['mimecast.com', 'mimecast-offshore.com'],
  ['barracuda.com', 'cudaops.com'],
  ['kernel.org', 'vger.email', 'subspace.kernel.org'],
];

const GROUP_OF = new Map<string, string>();
for (const group of PROVIDER_GROUPS) for (const d of group) GROUP_OF.set(d, group[0] as string);

/** The organisation key of a host: its registrable domain, or its provider group; null for address
 * literals, single-label names (`lfdr`, `localhost`, `submission`) and names the PSL cannot place. */
export function organisationOf(host: string | null): string | null {
  if (host === null || host.length === 0 || host.length > 253) return null;
  return organisationCached(host);
}

const organisationCached = memoize((host: string): string | null => {
  const h = normalizeHost(host);
  if (h.indexOf('.') === -1 || isAddressLiteral(h)) return null;
  const domain = registrableDomain(h);
  if (domain === null) return null;
  return GROUP_OF.get(domain) ?? domain;
});

export function sameOrganisation(a: string | null, b: string | null): boolean {
  const oa = organisationOf(a);
  return oa !== null && oa === organisationOf(b);
}
