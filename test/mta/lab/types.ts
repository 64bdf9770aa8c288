import type { ClientMode, Listener, Route, ServerId } from './topology.js';

/** What the receiving server's own log (and the lab's configuration) says about one SMTP/LMTP session. */
export interface SessionTruth {
  transport: 'encrypted' | 'plaintext' | 'internal';
  /** As the log names it, normalised to Hoplock's spelling 'TLS1.2' / 'TLS1.3'; null for no TLS. */
  tlsVersion: string | null;
  cipher: string | null;
  /** From the log's key exchange (ECDHE/DHE/X25519 group) or the TLS 1.3 suite; null when no TLS. */
  forwardSecrecy: boolean | null;
  authenticated: boolean;
  /** As the log records it; null when this server does not log it. */
  clientCert: 'verified' | 'unverified' | 'absent' | 'not-requested' | null;
  /** Log lines this truth was read from, for the failure report. */
  evidence: string[];
}

export interface PkiPaths {
  caCert: string;
  /** Per server: certificate (with SAN = its host names) and key. */
  server: (id: ServerId) => { cert: string; key: string; chain: string };
  client: { cert: string; key: string };
  rogue: { cert: string; key: string };
  dhParams: string;
}

export interface Lab {
  /** Working directory, recreated each run: /run/hoplock-mta. */
  dir: string;
  /** Extracted packages, cached between runs: /var/cache/hoplock-mta/roots/<pkg>. */
  roots: string;
  pki: PkiPaths;
  log: (msg: string) => void;
}

export interface MtaServer {
  id: ServerId;
  /** Listener policies this server has; scenarios only use these. */
  listeners: Listener[];
  /** Client modes this server can use when relaying. */
  clientModes: ClientMode[];
  /**
   * When relaying onward, does this server add a Received field of its own beyond the one it wrote on
   * reception (Haraka: `Received: (Haraka outbound); <date>`)? Named by the setting that makes it.
   */
  relayNote?: string;
  /** Whether the lab can inject a message locally (its sendmail(1) interface). */
  canInject: boolean;
  /** Write configuration for these routes (domain -> route). Called once, before start. */
  configure(lab: Lab, routes: Map<string, Route>): Promise<void>;
  /** Start the server and wait until every listener accepts connections. */
  start(lab: Lab): Promise<void>;
  /** Inject a message through the local sendmail(1) interface. */
  inject?(lab: Lab, envelopeFrom: string, rcpt: string, message: string): Promise<void>;
  /** The message delivered locally for this test domain, or null while not (yet) there. */
  delivered(lab: Lab, domain: string): string | null;
  /** Truth of the session in which this server received the test's message (identified by domain). */
  truth(lab: Lab, domain: string): SessionTruth | null;
  /**
   * What this server writes into its Received field when it receives on `listener`: whether the TLS
   * version, forward secrecy (a key exchange or a suite that implies one) and the client-certificate
   * status can be read from it. Where a fact is not written, Hoplock must say null (or infer it right).
   */
  headerShows(listener: string): { version: boolean; forwardSecrecy: boolean; clientCert: boolean };
  /** Program version as the program reports it. */
  version(lab: Lab): string;
}
