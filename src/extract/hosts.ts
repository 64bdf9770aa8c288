// The hosts of the webmails on known hosts, from the adapters' `matches`: where the content script runs by
// itself (manifest content_scripts and host_permissions) and which sites need no "allow on this site".
// Kept apart from url.ts: it imports the registry, which imports every adapter.
import { hostPatternCovers } from './host-match.js';
import { ADAPTERS } from './registry.js';

/** Host permissions of automatic mode: every adapter's match patterns, once each. */
export const AUTOMATIC_HOSTS: string[] = [...new Set(ADAPTERS.flatMap((a) => a.matches))];

/** Content-script match patterns of automatic mode: the same hosts (each adapter checks its own pages). */
export const AUTOMATIC_MATCHES: string[] = AUTOMATIC_HOSTS;

/** Is this origin (`https://mail.google.com`) covered by AUTOMATIC_HOSTS? False for anything unparsable. */
export function isKnownHost(origin: string): boolean {
  return AUTOMATIC_HOSTS.some((pattern) => hostPatternCovers(pattern, origin));
}
