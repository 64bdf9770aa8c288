// Named limits of the background. Messages come from our own popup and content scripts, but a content
// script runs inside a webmail page and forwards text that strangers wrote; each limit says what it bounds.

/** Characters of text accepted in one message (`popup:analyze-for-tab`, `content:headers-found`), 20 MiB.
 * A dropped multi-megabyte .eml with attachments must pass; a page that stuffs hundreds of megabytes into
 * its "original" view must not make the worker copy and scan it (the core reads at most a few MiB of it). */
export const MAX_TEXT_CHARS = 20 * 1024 * 1024;

/** Characters of a page URL accepted from a content script. Browsers show and keep URLs far longer than
 * any webmail needs; a longer one is only ever a way to grow what we store per tab. */
export const MAX_URL_CHARS = 4096;

/** Characters of one tab's stored entry as JSON. storage.session holds 10 MB in Chrome for all tabs
 * together; a chain of thousands of hops (a hostile message, or a loop) must not fill it for one tab, and
 * twenty large tabs must still fit. A real analysis is 1-50 KB. */
export const MAX_STORED_ENTRY_CHARS = 512 * 1024;

/** Characters of a hop's raw header kept when an entry has to be trimmed to fit MAX_STORED_ENTRY_CHARS. */
export const TRIMMED_RAW_CHARS = 512;

/** Evidence strings per hop, and characters per string, kept when an entry has to be trimmed. */
export const TRIMMED_EVIDENCE_ITEMS = 4;
export const TRIMMED_EVIDENCE_CHARS = 200;

/** Warnings kept when an entry has to be trimmed (a broken chain of thousands of hops warns on each). */
export const TRIMMED_WARNINGS = 50;
