// Bench only, never shipped: a stripped-down Received reader, to measure what the bare work costs in this
// engine, so the Hoplock / mailauth target can be judged against it (issue 6). It does one pass cutting
// tokens into parallel arrays (comments nested, no quoted strings, <addresses> or literals), finds the clause
// words, parses the date after the last `;` with Hoplock's own date reader, takes the client's name and
// address from the TCP-info comment, reads TLS from one regex per comment chosen by its first letter (only
// Postfix's `using` and the `version=` form), and builds a hop object. None of the other rule families, no
// HELO and rDNS apart, no peer scope, authentication, evidence rules, warnings, chain, trust boundary,
// header location or Authentication-Results: everything it leaves out, the real analysis does.

export interface DateReader {
  parseMailDate(text: string): { ok: true; date: { ms: number } } | { ok: false };
  isoString(ms: number): string;
}

const USING = /^\s*using\s+((?:TLS|SSL)v?[0-9._]*)(?:\s+with\s+cipher\s+([A-Za-z0-9_.+-]+))?/;
const VERSION = /^\s*version=([^\s,]+),?\s+cipher=([^\s,]+)/;
const BRACKET = /^\s*([^\s[\]()]+)?\s*\[([^\][\s]*)\]/;
const CLAUSES: Record<string, number> = { from: 1, by: 2, via: 3, with: 4, id: 5, for: 6 };
const WORD = 1;
const COMMENT = 2;
const SEMI = 3;

export function floorReader(dates: DateReader): (value: string) => object {
  return (s) => {
    const kind: number[] = [];
    const start: number[] = [];
    const end: number[] = [];
    const n = s.length;
    let i = 0;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) {
        i++;
        continue;
      }
      if (c === 40) {
        let depth = 0;
        let j = i;
        for (; j < n; j++) {
          const e = s.charCodeAt(j);
          if (e === 40) depth++;
          else if (e === 41 && --depth === 0) break;
        }
        kind.push(COMMENT);
        start.push(i);
        end.push(j + 1);
        i = j + 1;
        continue;
      }
      if (c === 59) {
        kind.push(SEMI);
        start.push(i);
        end.push(i + 1);
        i++;
        continue;
      }
      let j = i + 1;
      for (; j < n; j++) {
        const e = s.charCodeAt(j);
        if (e === 32 || e === 59 || e === 40 || e === 9 || e === 10 || e === 13) break;
      }
      kind.push(WORD);
      start.push(i);
      end.push(j);
      i = j;
    }
    const clause = [-1, -1, -1, -1, -1, -1, -1];
    let semi = -1;
    for (let k = 0; k < kind.length; k++) {
      if (kind[k] === SEMI) semi = k;
      else if (kind[k] === WORD && (end[k] as number) - (start[k] as number) <= 4) {
        const w = CLAUSES[s.slice(start[k], end[k]).toLowerCase()];
        if (w !== undefined && clause[w] === -1) clause[w] = k;
      }
    }
    const date = semi === -1 ? null : dates.parseMailDate(s.slice(start[semi + 1] ?? n, n));
    const word = (k: number) => (k === -1 || kind[k + 1] !== WORD ? null : s.slice(start[k + 1], end[k + 1]));
    let fromIp: string | null = null;
    const fromAt = clause[1] as number;
    if (fromAt !== -1 && kind[fromAt + 2] === COMMENT) {
      const m = BRACKET.exec(s.slice((start[fromAt + 2] as number) + 1, (end[fromAt + 2] as number) - 1));
      if (m) fromIp = m[2] ?? null;
    }
    let version: string | null = null;
    let cipher: string | null = null;
    let evidence: string | null = null;
    for (let k = 0; k < kind.length && version === null; k++) {
      if (kind[k] !== COMMENT) continue;
      const lead = s.charCodeAt((start[k] as number) + 1) | 0x20;
      const re = lead === 0x75 ? USING : lead === 0x76 ? VERSION : null;
      const m = re === null ? null : re.exec(s.slice((start[k] as number) + 1, (end[k] as number) - 1));
      if (m) {
        version = m[1] ?? null;
        cipher = m[2] ?? null;
        evidence = s.slice(start[k], end[k]);
      }
    }
    return {
      index: 0,
      from: { name: word(fromAt), helo: null, ip: fromIp },
      by: { name: word(clause[2] as number), ip: null },
      with: word(clause[4] as number),
      date: date?.ok ? dates.isoString(date.date.ms) : null,
      transport: version === null ? 'unknown' : 'encrypted',
      tls: version === null ? null : { version, cipher, keyExchange: null, forwardSecret: null, bits: null, group: null, postQuantum: false, clientCertificate: null },
      evidence: evidence === null ? [] : [evidence],
      raw: s,
      reason: version === null ? 'unknown' : `The receiving server recorded ${version}.`,
      rules: [],
      weaknesses: [],
      trust: 'upstream',
    };
  };
}
