// The lab's loopback addresses stand for Internet hosts. Analysed as they are, 127.0.N.M would make every
// hop a loopback (internal) one, so before analysis each lab address 127.0.N.M (N = 1..9) is rewritten to
// the documentation address 192.0.2.(10N+M) (RFC 5737 TEST-NET-1), a public address to Hoplock.
// 127.0.0.1 (a real local connection, such as a local injection) is left alone.

const LAB_ADDRESS = /\b127\.0\.([1-9])\.([1-9])\b/g;

export function rewriteLabAddresses(text: string): string {
  return text.replace(LAB_ADDRESS, (_m, n: string, m: string) => `192.0.2.${Number(n) * 10 + Number(m)}`);
}

export const REWRITE_NOTE = 'lab addresses 127.0.N.M are rewritten to 192.0.2.(10N+M) before analysis, so they read as Internet hosts';
