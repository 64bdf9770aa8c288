import { type Rule, type RuleDoc, tokenSpan } from './rule.js';

// Exchange 2013+ and Exchange Online write the TLS session after the protocol, with a comma:
//   with Microsoft SMTP Server (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.6178.26
// Exchange 2007/2010 write only `(TLS)`:
//   with Microsoft SMTP Server (TLS) id 14.0.722.0
const VERSION = /^\s*version=([^\s,]+)(?:,\s*cipher=([^\s,]+))?\s*$/;

export const microsoftSmtpServer: Rule = {
  id: 'tls-microsoft-smtp-server',
  kind: 'tls',
  match(view) {
    if (view.protocol !== 'MICROSOFT' || !/^Microsoft SMTP Server/i.test(view.withPhrase ?? '')) return null;
    const keyword = view.parsed.clauses.with?.keyword ?? 0;
    for (const c of view.comments) {
      if (c.place !== 'with') continue;
      if (c.text.trim().toUpperCase() === 'TLS') {
        return {
          tls: {},
          evidence: [tokenSpan(view, keyword, c.token)],
          reason: 'Exchange recorded that the session used TLS, without the version or cipher.',
        };
      }
      const m = VERSION.exec(c.text);
      if (m) {
        return {
          tls: { version: m[1] as string, cipher: m[2] ?? null },
          evidence: [tokenSpan(view, keyword, c.token)],
          reason: `Exchange recorded version=${m[1]}${m[2] === undefined ? '' : `, cipher=${m[2]}`}.`,
        };
      }
    }
    return null;
  },
};

export const microsoftSmtpServerDoc: RuleDoc = {
  id: microsoftSmtpServer.id,
  writers: ['Microsoft Exchange 2007-2019', 'Exchange Online / Microsoft 365', 'Outlook.com'],
  example:
    'from TY2PEPF0000AB87.apcprd03.prod.outlook.com (2603:1096:101:2b5:cafe::4) by SEWP216CA0037.outlook.office365.com (2603:1096:101:2b5::17) with Microsoft SMTP Server (version=TLS1_3, cipher=TLS_AES_256_GCM_SHA384) id 15.20.9052.21 via Frontend Transport; Tue, 26 Aug 2025 08:17:39 +0000',
  source: 'public mailing-list archive (research/tls-per-hop-tools.md §3)',
};
