// Named limits of the popup. Pasted text and dropped files come from strangers (phishing mail is exactly
// what support staff paste), so each limit bounds memory or work and says so.

/** Pasted text analysed at most (characters). Above this the paste is refused with a message and left in place. */
export const MAX_INPUT_CHARS = 20 * 1024 * 1024;

/** Draft kept in storage.session between popup openings (characters); the quota there is 10 MB in Chrome. */
export const MAX_DRAFT_CHARS = 2 * 1024 * 1024;

/** Bytes read from a dropped or opened file: the header block is at the start; the body is not needed. */
export const MAX_FILE_READ_BYTES = 8 * 1024 * 1024;

/** A file's text longer than this goes into the text area cut at its header block (the body stays out). */
export const MAX_FILE_TEXT_IN_FIELD = 512 * 1024;
