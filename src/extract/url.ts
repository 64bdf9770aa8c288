// URL tests and match patterns shared by the adapters. Pure: a URL in, a boolean out.

/** Is this an https page on one of these hosts exactly? */
export function onHost(url: URL, hosts: readonly string[]): boolean {
  return url.protocol === 'https:' && hosts.includes(url.hostname);
}

/** Is this an https page on one of these domains or below one (`3c-bap.gmx.net` is below `gmx.net`)? */
export function underDomain(url: URL, domains: readonly string[]): boolean {
  const host = url.hostname;
  return url.protocol === 'https:' && domains.some((d) => host === d || host.endsWith('.' + d));
}

/** Is this a web page at all (self-hosted webmails also run on plain http inside a LAN)? */
export function isWeb(url: URL): boolean {
  return url.protocol === 'https:' || url.protocol === 'http:';
}

/** Match patterns for whole hosts: `https://mail.google.com/*`. */
export function hostPatterns(hosts: readonly string[]): string[] {
  return hosts.map((h) => `https://${h}/*`);
}

/** Match patterns for domains and every host below them: `https://*.gmx.net/*` (covers gmx.net itself). */
export function domainPatterns(domains: readonly string[]): string[] {
  return domains.map((d) => `https://*.${d}/*`);
}
