// What the message's authentication headers say (issue 8): the additive `authentication` field of schema
// `hoplock/1`. Fixed shape: every field is always present, `null` or `[]` when the headers do not tell.
// Results are copied, never verified: Hoplock does no DNS and checks no signature.

/**
 * A result keyword as the header wrote it, lower-cased and otherwise unchanged: `pass`, `fail`, `softfail`,
 * `neutral`, `none`, `temperror`, `permerror`, `policy`, and vendor words such as Microsoft's
 * `bestguesspass` or Yahoo's `dkim_pass` and `success`. Never mapped to another word.
 */
export type AuthResultWord = string;

/** The Authentication-Results field whose results were read. */
export interface AuthSource {
  /** The field name as written (`Authentication-Results`, `authentication-results`). */
  name: string;
  /** 0-based position among all the header fields given, top-down. */
  index: number;
  /** As written; null when the field has none (Exchange Online writes none). */
  authservId: string | null;
  /**
   * True only for the topmost Authentication-Results whose authserv-id belongs to the recipient's own
   * servers (RFC 8601 §5). False when the recipient's servers are unknown (no trust boundary): the topmost
   * field was then read, but anyone upstream could have written it.
   */
  trusted: boolean;
}

/** An authentication header that was not read, and why. */
export interface IgnoredAuthHeader {
  index: number;
  /** As written: `Authentication-Results` or `Received-SPF`. */
  name: string;
  /** The authserv-id (or, for Received-SPF, the server it names as its writer); null when it names none. */
  authservId: string | null;
  /** One plain sentence. */
  reason: string;
}

export interface SpfSummary {
  result: AuthResultWord;
  /** The identity checked: `mailfrom` (the envelope sender, `smtp.mailfrom`) or `helo`; null when not said. */
  identity: 'mailfrom' | 'helo' | null;
  /** Domain of that identity, lower-cased (`smtp.mailfrom=bounce@mail.example.com` gives `mail.example.com`). */
  domain: string | null;
  /** Whether `domain` is in the From domain's organisation (see Alignment); null when either is unknown. */
  aligned: boolean | null;
  /** Which header it came from. Received-SPF is read only when the Authentication-Results has no spf. */
  via: 'authentication-results' | 'received-spf';
  /** Index of that field among all fields. */
  index: number;
  /** True when read from the trusted Authentication-Results or from a Received-SPF written by the recipient's servers. */
  trusted: boolean;
}

export interface DkimResult {
  result: AuthResultWord;
  /** The signing domain: `header.d`, else the domain of `header.i`; lower-cased; null when neither names one. */
  domain: string | null;
  /** `header.s` as written. */
  selector: string | null;
  /** `header.i` as written (`@example.com`). */
  identity: string | null;
  /** Whether `domain` is in the From domain's organisation; null when either is unknown. */
  aligned: boolean | null;
}

export interface DmarcSummary {
  result: AuthResultWord;
  /** `header.from` as the receiver wrote it, lower-cased. */
  headerFrom: string | null;
  /** The published policy when the receiver wrote it (`(p=REJECT ...)`, `policy.published-domain-policy=`):
   * `none`, `quarantine` or `reject`; null otherwise. */
  policy: 'none' | 'quarantine' | 'reject' | null;
}

/** One ARC set (RFC 8617) as its headers state it. Unverified: these are claims of the sealer. */
export interface ArcInstance {
  /** `i=` of the ARC-Seal, 1 to 50. */
  instance: number;
  /** `d=` of the ARC-Seal: the sealer's domain, lower-cased. */
  domain: string | null;
  /** `s=` of the ARC-Seal. */
  selector: string | null;
  /** `cv=` of the ARC-Seal, lower-cased: `none` (first set), `pass` or `fail`. */
  cv: string | null;
  /** authserv-id of the ARC-Authentication-Results with the same `i=`. */
  authservId: string | null;
  /** What that sealer's ARC-Authentication-Results reported, method and result, in order. */
  results: { method: string; result: AuthResultWord }[];
}

export interface ArcSummary {
  /** `arc=` in the Authentication-Results that was read; null when absent. */
  result: AuthResultWord | null;
  /** How many distinct instances (`i=`) the ARC-Seal fields carry. */
  instances: number;
  /** The set with the highest `i=`: the last sealer before the recipient. */
  highest: ArcInstance | null;
}

/** A DKIM-Signature field as written (unverified): who claims to have signed. */
export interface DkimSignature {
  /** `d=`, lower-cased. */
  domain: string | null;
  /** `s=` as written. */
  selector: string | null;
}

/**
 * Relaxed alignment (DMARC, RFC 7489 §3.1) judged by the organisation function the caller passes: two
 * domains align when it maps them to the same key. With Hoplock's `organisationOf` that is the registrable
 * domain folded with a provider's other domains, so `fastmail.com` and `messagingengine.com` align although
 * DMARC would say they do not.
 */
export interface Alignment {
  /** Domain of the address in the From field, lower-cased; null when there is none, or several From
   * addresses or fields. */
  fromDomain: string | null;
  /** SPF passed for a domain aligned with the From domain; null when the From domain or the SPF domain is unknown. */
  spfAligned: boolean | null;
  /** A DKIM result of `pass` has a domain aligned with the From domain; null when the From domain is unknown
   * or no DKIM result was read. */
  dkimAligned: boolean | null;
}

/** Any other method of the Authentication-Results that was read (`iprev`, `compauth`, `bimi`, `x-tls` ...). */
export interface OtherResult {
  /** Lower-cased. */
  method: string;
  result: AuthResultWord;
  /** `reason=` as written, when given. */
  reason: string | null;
}

export interface AuthenticationSummary {
  /** The Authentication-Results field that was read, or null when none was. */
  source: AuthSource | null;
  /** Authentication-Results fields (and a rejected Received-SPF) that were not read, top-down. */
  ignored: IgnoredAuthHeader[];
  spf: SpfSummary | null;
  /** Every dkim result of the field that was read, in order. */
  dkim: DkimResult[];
  dmarc: DmarcSummary | null;
  arc: ArcSummary;
  other: OtherResult[];
  /** DKIM-Signature fields, top-down, whether or not any Authentication-Results exists. */
  signatures: DkimSignature[];
  alignment: Alignment;
  /** A `TLS-Required: No` field is present (RFC 8689 §5). */
  tlsRequiredNo: boolean;
  /** One English sentence explaining `tlsRequiredNo`; null when it is false. */
  tlsRequiredNoExplanation: string | null;
  /** Plain sentences on how the reading was made (fallbacks, vendor quirks, limits reached). */
  notes: string[];
}
