import type { Rule, RuleDoc } from './rule.js';

// The client connected over loopback or a local socket: a content filter handing mail back (amavis,
// Mailman, Sophos), a local relay, or Cyrus/OpenSMTPD local delivery. The address is the receiving server's
// own record of the connection; the HELO name is never used (a client that says `localhost` is not local).
//   from mail.tcubemail.com ([127.0.0.1]) by localhost (mail.tcubemail.com [127.0.0.1]) (amavisd-new, port 10024)
//   from mail.tcubemail.com ([unix socket]) by mail.tcubemail.com (Cyrus 3.0.13-Debian-3.0.13-5) with LMTPA
//   from (127.0.0.1) by mail7.atl51.rsgsv.net id hnp7oe2ddl4t for <x@gmx.de>      (Mailchimp)
export const loopbackPeer: Rule = {
  id: 'internal-loopback',
  kind: 'internal',
  match(view) {
    if (view.peer !== 'loopback' && view.peer !== 'local-socket') return null;
    const ip = view.from?.ip;
    const what = view.peer === 'local-socket' ? 'a local socket' : `the loopback address ${ip}`;
    return {
      transport: 'internal',
      evidence: [ip ?? (view.parsed.value.includes('[unix socket]') ? '[unix socket]' : '[local]')],
      reason: `The client connected from ${what}: the message did not cross a network.`,
    };
  },
};

export const loopbackPeerDoc: RuleDoc = {
  id: loopbackPeer.id,
  writers: ['amavis and other content filters', 'Mailman', 'Cyrus', 'OpenSMTPD', 'Mailchimp', 'any MTA re-injecting mail'],
  example: 'from (127.0.0.1) by mail7.atl51.rsgsv.net id hnp7oe2ddl4t for <x@gmx.de>; Wed, 10 Oct 2018 19:14:14 +0000',
  source: 'gjedeer/paranoia issue #24 (Mailchimp)',
};
