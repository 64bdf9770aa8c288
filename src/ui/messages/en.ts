// Every string the extension shows, in English (the default locale). `{1}`, `{2}` are substitutions.
// vite.config.ts turns this table and de.ts into _locales/<lang>/messages.json; the CLI and the tests
// read it directly. A key missing from another language is a type error there.
export const en = {
  extName: 'Hoplock',
  extDescription: 'Was this email encrypted on each hop? Reads the Received headers and says what it saw and why.',

  // verdict sentences (popup heading, badge title)
  verdictEncrypted: 'Encrypted on every hop we can see',
  verdictPlaintextOne: 'Sent unencrypted between {1} and {2}',
  verdictPlaintextAll: 'Sent unencrypted between {1} and {2}, and on no hop encrypted',
  verdictPlaintextNone: 'Not encrypted',
  verdictPartialPlain: 'Partly encrypted: sent unencrypted between {1} and {2}',
  verdictPartialUnknownOne: 'Partly encrypted: 1 hop did not record whether it was encrypted',
  verdictPartialUnknown: 'Partly encrypted: {1} hops did not record whether they were encrypted',
  verdictUnknownNoHops: "Can't tell: there is no Received header to judge",
  verdictUnknown: "Can't tell: the headers do not record whether the message was encrypted on its way",
  errorEmpty: 'Nothing to analyse: paste the message headers or a whole .eml file.',
  errorNoHeaders: "Can't tell: no mail headers found in this text. Paste the headers (from the message's \"Show original\" or \"View source\") or a whole .eml file.",
  errorTooLarge: 'This is too large to analyse ({1} MB; the limit is {2} MB). Paste only the headers.',

  // badge
  badgeEncrypted: 'TLS',
  badgePartial: 'PART',
  badgePlaintext: 'OPEN',
  badgeUnknown: '?',
  badgeTitle: 'Hoplock: {1}',
  badgeTitleNone: 'Hoplock: open a message\'s original or source view, or paste headers',

  // hop states (a word next to every lock icon, never the icon alone)
  stateEncrypted: 'Encrypted',
  statePlaintext: 'Not encrypted',
  stateInternal: 'Inside one server',
  stateUnknown: 'Unknown',
  hopSummary: 'Hop {1} of {2}',
  hopFromTo: '{1} → {2}',
  hopUnknownHost: 'unknown host',
  hopProtocol: 'Protocol {1}',
  hopCipher: 'Cipher {1}',
  hopFsYes: 'Forward secrecy',
  hopFsNo: 'No forward secrecy',
  hopWeak: 'Weak: {1}',
  hopAuthenticated: 'Sender logged in',
  hopDelay: '+{1}',
  hopDelayNegative: 'Clock skew: {1} earlier than the hop before',
  hopTrustRecipient: 'Written by your provider',
  hopTrustUpstream: 'Claimed upstream',
  hopInbound: 'Arrived at your provider here',
  hopDetails: 'Evidence and raw header',
  hopReason: 'Why: {1}',
  hopEvidence: 'Evidence',
  hopRaw: 'Raw Received header',
  hopRules: 'Rules: {1}',
  hopsHeading: 'Hops, sender first, you last',
  hopsCount: '{1} hops · {2} written by your provider',
  totalTime: 'Total time {1}',
  warningsHeading: 'Warnings',

  // paste-in mode
  pasteHeading: 'Paste headers or drop an .eml file',
  pastePlaceholder: 'Paste the message headers (or a whole .eml) here',
  pasteAnalyze: 'Analyze',
  pasteClear: 'Clear',
  pasteFile: 'Open .eml file…',
  pasteDrop: 'Drop an .eml file here',
  pasteKept: 'Kept until the browser closes',
  pasteNotKept: 'Too large to keep when the popup closes ({1} MB)',
  pasteFileRead: 'Read {1} ({2} KB)',
  pasteFileError: 'Could not read {1}',
  sourcePage: 'From this page',
  sourcePaste: 'From pasted text',
  sourceSelection: 'From selected text',
  noAnalysis: 'No headers on this tab yet. Open the message\'s original or source view, or paste the headers below.',

  // extraction from webmail pages (src/extract)
  noHeadersFound: 'No headers found on this page. Open the message\'s original or source view, or paste the headers.',
  hintGmail: 'In Gmail: open the message, then ⋮ (More) → "Show original".',
  hintOutlook: 'In Outlook: open the message, then … → View → "View message source" (or "View message details").',
  hintYahoo: 'In Yahoo or AOL Mail: open the message, then … (More) → "View raw message".',
  hintProton: 'In Proton Mail: open the message, then ⋯ (More) → "View headers".',
  hintGmx: 'In GMX, WEB.DE or mail.com: open the message, then ⋮ (More) → "More information" (or "Show source").',
  hintFastmail: 'In Fastmail: open the message, then More → "Show raw message".',
  hintZoho: 'In Zoho Mail: open the message, then More actions → "Show original".',
  hintIcloud: 'In iCloud Mail: open the message, then the action menu → "Show all headers".',
  hintMailbox: 'In mailbox.org (OX App Suite): open the message, then ⋯ → "View source".',
  hintTuta: 'In Tuta: open the message, then More → "Show headers" (or press H).',
  hintTonline: 'In T-Online E-Mail: open the message, then More → "Show source".',
  hintRoundcube: 'In Roundcube: open the message, then More (⋯) → "View source".',
  hintSogo: 'In SOGo: open the message, then More → "View message source".',
  hintHorde: 'In Horde: open the message, then Other → "View source".',
  hintNextcloud: 'In Nextcloud Mail: open the message, then ⋯ → "View source".',
  hintGeneric: 'Open the message\'s raw view ("Show original", "View source"), select the header text, or paste it here.',
  fetchGmailSource: 'Read this message\'s original from Gmail',
  grantHosts: 'Allow Hoplock to read the raw views of webmails',
  grantHostsWhy: 'Your browser has not yet given Hoplock access to the webmail sites, so it cannot show the verdict on their raw views by itself.',
  alwaysOnSite: 'Always analyse raw views on {1}',
  alwaysOnSiteDone: 'Hoplock now reads raw views on {1} by itself.',
  menuAnalyzeSelection: 'Analyze selected text as headers',
  selectionEmpty: 'No text was selected.',

  // actions
  openInTab: 'Open in tab',
  copyMarkdown: 'Copy report (Markdown)',
  copyJson: 'Copy JSON',
  saveJson: 'Save JSON',
  copied: 'Copied',
  copyFailed: 'Copy failed: select the text and copy it yourself',

  // explanations
  helpHeading: 'What these words mean',
  helpStarttlsTitle: 'Opportunistic STARTTLS',
  helpStarttls:
    'Mail servers encrypt a hop only when both sides agree to, at the moment they talk (STARTTLS). If either side does not offer it, or someone in between strips the offer, the message goes unencrypted without an error. The only record afterwards is what each receiving server wrote into the headers.',
  helpFsTitle: 'Forward secrecy',
  helpFs:
    'With forward secrecy (TLS 1.3, or ECDHE/DHE key exchange), a recording of the connection cannot be decrypted later even if the server\'s key is stolen. Without it (plain RSA key exchange), it can.',
  helpTrustTitle: 'Why hops before your provider can be forged',
  helpTrust:
    'Each server adds its line on top of the ones it received. The lines your own provider wrote are reliable; everything below was written by servers you do not know, and a sender can invent those lines. Hoplock marks them "claimed upstream".',
  helpInternalTitle: 'Inside one server',
  helpInternal:
    'Some steps never cross a network: a program handing mail to the server on the same machine, a virus scanner, delivery to the mailbox. Encryption does not apply to them.',
  helpUnknownTitle: 'Unknown',
  helpUnknown: 'The server did not write down whether it used encryption. Hoplock says so instead of guessing.',
  helpMore: 'What does this mean?',
} as const;

export type MessageKey = keyof typeof en;
