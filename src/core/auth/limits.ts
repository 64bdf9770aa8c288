// Named limits of the authentication reader. The sender writes most of these headers; each limit says the
// threat it bounds.

/** Characters of one field value read. Real Authentication-Results fields are under 2 KB (Fastmail's, the
 * longest seen, about 1.5 KB); a 1 MB value costs no more than this. */
export const MAX_AUTH_FIELD_CHARS = 16 * 1024;

/** Results (`method=result` units) read from one Authentication-Results field: 100,000 semicolons must not
 * make 100,000 objects. Fastmail, the most verbose, writes about 12. */
export const MAX_RESINFOS = 64;

/** `ptype.property=value` pairs kept per result. */
export const MAX_PROPERTIES = 32;

/** Characters kept of one value, comment or reason; a domain is at most 253. */
export const MAX_VALUE_CHARS = 256;

/** Authentication-Results fields examined, top-down. A sender can add thousands; the recipient's own are
 * near the top. */
export const MAX_AUTH_HEADERS = 64;

/** Entries kept in `ignored`. */
export const MAX_IGNORED = 64;

/** DKIM-Signature fields listed. */
export const MAX_SIGNATURES = 32;

/** ARC instances: RFC 8617 §4.2.1 allows `i=` from 1 to 50. */
export const MAX_ARC_INSTANCE = 50;

/** ARC-Seal and ARC-Authentication-Results fields examined (a few more than 50, for duplicates). */
export const MAX_ARC_HEADERS = 64;

/** Results listed for one ARC-Authentication-Results. */
export const MAX_ARC_RESULTS = 16;
