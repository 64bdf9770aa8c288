import { readFileSync } from 'node:fs';
import { domainToUnicode } from 'node:url';
import { getDomain } from 'tldts';
import { registrableDomain } from '../src/core/psl/registrable-domain.js';
import { normalizeHost } from '../src/core/text.js';
import { isAddressLiteral } from '../src/core/address.js';

function strings(v: unknown, out: string[]): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v !== null && typeof v === 'object') for (const x of Object.values(v)) strings(x, out);
  return out;
}
const texts: string[] = [];
for (const f of ['test/fixtures/received-formats.json', 'test/fixtures/mta-lab.json', 'test/fixtures/corpus/anchor-lines.json']) strings(JSON.parse(readFileSync(f, 'utf8')), texts);
for (const line of readFileSync('test/fixtures/corpus/public-dev.jsonl', 'utf8').split('\n')) if (line.trim()) strings(JSON.parse(line), texts);
const HOST = /[\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)+\.?/gu;
const hosts = new Set<string>(); const tokens = new Set<string>();
for (const t of texts) { for (const m of t.matchAll(HOST)) hosts.add(m[0]); for (const w of t.split(/[\s()[\]<>;,"']+/)) if (w.includes('.')) tokens.add(w); }
console.log('texts', texts.length, 'hosts', hosts.size, 'tokens', tokens.size);
const oracle = (h: string) => { const u = /(^|\.)xn--/i.test(h) ? domainToUnicode(h) : h; const d = getDomain(u && u.split('.').length === h.split('.').length ? u : h, { allowPrivateDomains: false }); return d === null ? null : d.split('.').length; };
const mine = (h: string) => { const d = registrableDomain(h); return d === null ? null : d.split('.').length; };
let n = 0;
for (const h of hosts) { const a = mine(h), b = oracle(h); if (a !== b) { n++; if (n < 40) console.log('HOST', JSON.stringify(h), a, b, getDomain(h)); } }
console.log('host mismatches', n);
n = 0; let reach = 0;
for (const w of tokens) { const h = normalizeHost(w); if (h.indexOf('.') === -1 || isAddressLiteral(h)) continue; reach++; const a = registrableDomain(h), b = getDomain(h, { allowPrivateDomains: false }); if (a !== b) { n++; if (n < 60) console.log('TOK', JSON.stringify(w), a, b); } }
console.log('token mismatches', n, 'of', reach);
