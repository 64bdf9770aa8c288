// The saved list of the person's own relays (issue 8): where it is stored, its limits, and how it is read
// back. Small on purpose: the popup loads it, and the parser (internal-list.ts) stays on the options page.

/** storage.sync key of the saved list (string[], the `entries` below). */
export const INTERNAL_RELAYS_KEY = 'internalRelays';
/** storage.local key of the text as the person wrote it (comments and order), shown again on the page. */
export const INTERNAL_TEXT_KEY = 'internalRelaysText';

/** Entries in the list. Threat: every hop of every analysis is compared with each entry, and a pasted
 * log of thousands of lines would slow each one down (and does not fit in synced storage anyway). */
export const MAX_INTERNAL_ENTRIES = 500;
/** Characters in one line, comment included. Threat: a pasted blob in one line shown back in an error. No
 * host name a person types is near this long. */
export const MAX_INTERNAL_LINE_CHARS = 200;

/** The saved list as read back from storage: only strings, within the limits; anything else is ignored
 * (the person's other devices may run another version). Validation proper happened before saving. */
export function internalFromStorage(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((v): v is string => typeof v === 'string' && v.length > 0 && v.length <= MAX_INTERNAL_LINE_CHARS).slice(0, MAX_INTERNAL_ENTRIES);
}
