// The lab's loopback addresses stand for Internet hosts. Analysed as they are, 127.0.N.M would make every
// hop a loopback (internal) one, so before analysis each lab address 127.0.N.M (N = 1..9) is rewritten to
// the documentation address 192.0.2.(10N+M) (RFC 5737 TEST-NET-1), a public address to Hoplock.
// Left alone: 127.0.0.1 (a real local connection), and the field Dovecot writes for an LMTP delivery,
// which stands for the usual deployment of an MTA handing mail to the mail store on its own host.
import { SERVERS } from './topology.js';

const LAB_ADDRESS = /\b127\.0\.([1-9])\.([1-9])\b/g;
const SAME_HOST_FIELD = `by ${SERVERS.dc.host} `;

export function rewriteLabAddresses(message: string): string {
  const end = message.search(/\r?\n\r?\n/);
  const head = end < 0 ? message : message.slice(0, end);
  const fields = head.split(/\r?\n(?=\S)/);
  const sep = head.includes('\r\n') ? '\r\n' : '\n';
  const out = fields.map((f) =>
    f.includes(SAME_HOST_FIELD) ? f : f.replace(LAB_ADDRESS, (_m, n: string, m: string) => `192.0.2.${Number(n) * 10 + Number(m)}`),
  );
  return out.join(sep) + (end < 0 ? '' : message.slice(end));
}

export const REWRITE_NOTE =
  'lab addresses 127.0.N.M are rewritten to 192.0.2.(10N+M) before analysis, so they read as Internet hosts; ' +
  "Dovecot's LMTP field keeps its loopback address (an MTA delivering to the mail store on its own host)";
