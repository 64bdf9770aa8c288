// Every rule, in the order it is consulted. TLS rules all run (each may add details); the first of the
// other rules that matches decides the hop.
import { contentFilter } from './internal-content-filter.js';
import { listExpander } from './internal-list-expander.js';
import { lmtpDelivery } from './internal-lmtp.js';
import { localSubmission } from './internal-local-submission.js';
import { loopbackPeer } from './internal-loopback.js';
import { localOrigination, privateSite, providerInternal } from './internal-provider.js';
import { webmailIngest } from './internal-webmail.js';
import { plaintextProtocol } from './plaintext-protocol.js';
import type { Rule } from './rule.js';
import { cipherComment } from './tls-cipher-comment.js';
import { colonTuple } from './tls-colon-tuple.js';
import { courierComment } from './tls-courier-comment.js';
import { encryptedComment } from './tls-encrypted-comment.js';
import { googleTransportSecurity } from './tls-google-transport.js';
import { ironportSlash } from './tls-ironport.js';
import { markerComment } from './tls-marker-comment.js';
import { microsoftSmtpServer } from './tls-microsoft.js';
import { opensmtpdLegacy } from './tls-opensmtpd-legacy.js';
import { protocolKeyword } from './tls-protocol-keyword.js';
import { securedChannel } from './tls-secured-channel.js';
import { starttlsWord } from './tls-starttls-word.js';
import { tlsWord } from './tls-tls-word.js';
import { usingComment } from './tls-using-comment.js';
import { versionComment } from './tls-version-comment.js';
import { clientNotRecorded, mailRetrieval, noProtocol, smtpsvcSilent, tlsRequiredByPolicy } from './unknown-rules.js';

/** Detailed comments first, so their version and cipher win over a bare keyword. */
export const TLS_RULES: readonly Rule[] = [
  usingComment,
  versionComment,
  cipherComment,
  microsoftSmtpServer,
  tlsWord,
  colonTuple,
  encryptedComment,
  courierComment,
  opensmtpdLegacy,
  ironportSlash,
  securedChannel,
  googleTransportSecurity,
  markerComment,
  starttlsWord,
  protocolKeyword,
];

export const OTHER_RULES: readonly Rule[] = [
  localSubmission,
  contentFilter,
  loopbackPeer,
  lmtpDelivery,
  listExpander,
  webmailIngest,
  providerInternal,
  localOrigination,
  mailRetrieval,
  smtpsvcSilent,
  privateSite,
  tlsRequiredByPolicy,
  clientNotRecorded,
  noProtocol,
  plaintextProtocol,
];

export const ALL_RULES: readonly Rule[] = [...TLS_RULES, ...OTHER_RULES];
