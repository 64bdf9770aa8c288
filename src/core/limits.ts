// Named limits. Every input Hoplock reads was written by strangers; each limit says the threat it bounds.

/** Characters of input searched for a header block. A 10 MB .eml must not be scanned past its headers;
 * a header block larger than this is either hostile or not a mail header. */
export const MAX_HEADER_SCAN_CHARS = 2 * 1024 * 1024;

/** Characters of a message body searched for an attached `message/rfc822` original (forward as attachment).
 * Bounds the work on multi-megabyte attachments. */
export const MAX_BODY_SCAN_CHARS = 4 * 1024 * 1024;

/** Characters of one Received field that are tokenized. A 1 MB header line costs linear time, but no real
 * Received field is longer than a few kilobytes, and each hop's report carries its raw text. */
export const MAX_RECEIVED_CHARS = 16 * 1024;

/** Received fields analysed. RFC 5321 §6.3 has relays treat about 100 Received fields as a mail loop, so
 * 5,000 is fifty times any real chain; more is a resource attack (50,000 fields took 53 ms at 10,000). */
export const MAX_HOPS = 5_000;

/** Header fields kept. 50,000 tiny fields must not exhaust memory in the popup. */
export const MAX_FIELDS = 100_000;

/** Evidence strings kept per hop. */
export const MAX_EVIDENCE_CHARS = 1024;

/** Nesting depth of `> ` quoting stripped from a quoted forward. */
export const MAX_QUOTE_DEPTH = 32;

/** Clock skew tolerated before a date going backwards is flagged, in seconds. */
export const CLOCK_SKEW_SECONDS = 300;

/** A date this far ahead of `now` is flagged as in the future, in seconds. */
export const FUTURE_TOLERANCE_SECONDS = 15 * 60;

/** Dates before this year are implausible for Internet mail (RFC 821 is from 1982). */
export const MIN_PLAUSIBLE_YEAR = 1982;

/** Dates after this year are implausible. */
export const MAX_PLAUSIBLE_YEAR = 2100;
