/**
 * Does a host permission pattern (`https://*.gmx.net/*`, `https://mail.google.com/*`) cover this origin
 * (`https://3c.gmx.net`)? `*.` matches the domain itself and its subdomains, as in match patterns.
 */
export function hostPatternCovers(pattern: string, origin: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  const at = pattern.indexOf('://');
  const slash = pattern.indexOf('/', at + 3);
  if (at < 0 || slash < 0) return false;
  const scheme = pattern.slice(0, at);
  const host = pattern.slice(at + 3, slash);
  if (scheme !== '*' && `${scheme}:` !== url.protocol) return false;
  if (host === '*') return true;
  if (host.startsWith('*.')) return url.hostname === host.slice(2) || url.hostname.endsWith(host.slice(1));
  return url.hostname === host;
}
