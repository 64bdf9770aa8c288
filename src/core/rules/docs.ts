// What each rule reads and where its format was seen: documentation for people and for the meta test
// (test/rules.test.ts). Kept out of the rule objects so the extension's bundle does not carry it.
import type { RuleDoc } from './rule.js';
import { contentFilterDoc } from './internal-content-filter.js';
import { listExpanderDoc } from './internal-list-expander.js';
import { lmtpDeliveryDoc } from './internal-lmtp.js';
import { localSubmissionDoc } from './internal-local-submission.js';
import { loopbackPeerDoc } from './internal-loopback.js';
import { localOriginationDoc, privateSiteDoc, providerInternalDoc } from './internal-provider.js';
import { webmailIngestDoc } from './internal-webmail.js';
import { plaintextProtocolDoc } from './plaintext-protocol.js';
import { cipherCommentDoc } from './tls-cipher-comment.js';
import { colonTupleDoc } from './tls-colon-tuple.js';
import { courierCommentDoc } from './tls-courier-comment.js';
import { encryptedCommentDoc } from './tls-encrypted-comment.js';
import { googleTransportSecurityDoc } from './tls-google-transport.js';
import { ironportSlashDoc } from './tls-ironport.js';
import { markerCommentDoc } from './tls-marker-comment.js';
import { microsoftSmtpServerDoc } from './tls-microsoft.js';
import { opensmtpdLegacyDoc } from './tls-opensmtpd-legacy.js';
import { protocolKeywordDoc } from './tls-protocol-keyword.js';
import { securedChannelDoc } from './tls-secured-channel.js';
import { starttlsWordDoc } from './tls-starttls-word.js';
import { tlsWordDoc } from './tls-tls-word.js';
import { usingCommentDoc } from './tls-using-comment.js';
import { versionCommentDoc } from './tls-version-comment.js';
import { clientNotRecordedDoc, mailRetrievalDoc, noProtocolDoc, smtpsvcSilentDoc, tlsRequiredByPolicyDoc } from './unknown-rules.js';

export const RULE_DOCS: readonly RuleDoc[] = [
  contentFilterDoc,
  listExpanderDoc,
  lmtpDeliveryDoc,
  localSubmissionDoc,
  loopbackPeerDoc,
  providerInternalDoc,
  privateSiteDoc,
  localOriginationDoc,
  webmailIngestDoc,
  plaintextProtocolDoc,
  cipherCommentDoc,
  colonTupleDoc,
  courierCommentDoc,
  encryptedCommentDoc,
  googleTransportSecurityDoc,
  ironportSlashDoc,
  markerCommentDoc,
  microsoftSmtpServerDoc,
  opensmtpdLegacyDoc,
  protocolKeywordDoc,
  securedChannelDoc,
  starttlsWordDoc,
  tlsWordDoc,
  usingCommentDoc,
  versionCommentDoc,
  mailRetrievalDoc,
  smtpsvcSilentDoc,
  tlsRequiredByPolicyDoc,
  clientNotRecordedDoc,
  noProtocolDoc,
];
