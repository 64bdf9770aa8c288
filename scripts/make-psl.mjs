#!/usr/bin/env node
// Generates src/core/psl/data.ts, the Public Suffix List as Hoplock reads it, from the copy the Debian package
// `publicsuffix` installs. Run by hand when the list should be refreshed (the output is committed; the build
// never runs this):
//
//   node scripts/make-psl.mjs [path/to/public_suffix_list.dat]
//
// What is kept, and why (see src/core/psl/trie.ts for the format and the lookup):
// - the ICANN section only: Hoplock asks for registrable domains as tldts' `allowPrivateDomains: false` did,
//   so `github.io` or `blogspot.com` are no public suffixes for it;
// - only the rules whose answer differs from the default `*` rule: rules of two labels or more, wildcard
//   rules and exception rules. A single-label rule (`com`, `jp`) names the last label, as `*` does;
// - IDN rules as A-labels only (`xn--ciqpn.xn--j6w193g` for `個人.香港`, made with
//   Node's `url.domainToASCII`): hosts in mail headers are A-labels; a U-label host falls back to `*`.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { domainToASCII } from 'node:url';
import { deflateRawSync } from 'node:zlib';

const DEFAULT_INPUT = '/usr/share/publicsuffix/public_suffix_list.dat';
const OUTPUT = new URL('../src/core/psl/data.ts', import.meta.url);

const input = process.argv[2] ?? DEFAULT_INPUT;
if (!existsSync(input)) {
  console.error(
    `make-psl: ${input} not found.\n` +
      'Install the list with `sudo apt-get install publicsuffix` (Debian/Ubuntu), or download it from\n' +
      'https://publicsuffix.org/list/public_suffix_list.dat and pass its path: node scripts/make-psl.mjs <file>',
  );
  process.exit(1);
}

function fail(message) {
  console.error(`make-psl: ${message}`);
  process.exit(1);
}

const text = readFileSync(input, 'utf8');
const sha256 = createHash('sha256').update(text).digest('hex');

/** The list's own version line (`// VERSION: 2025-01-01_...`, in lists since 2023), else the Debian package. */
function versionOf() {
  const own = /^\/\/ VERSION: (\S+)/m.exec(text);
  if (own) return own[1];
  if (input === DEFAULT_INPUT) {
    try {
      const status = execFileSync('dpkg-query', ['--status', 'publicsuffix'], { encoding: 'utf8' });
      const debian = /^Version: (\S+)/m.exec(status);
      if (debian) return `${debian[1]} (Debian package publicsuffix)`;
    } catch {
      // Not a Debian system: fall through to the unknown version.
    }
  }
  return 'unknown';
}
const version = versionOf();

const begin = text.indexOf('// ===BEGIN ICANN DOMAINS===');
const end = text.indexOf('// ===END ICANN DOMAINS===');
if (begin === -1 || end === -1 || end < begin) fail(`${input} has no ICANN section markers; is it the Public Suffix List?`);

/** @type {string[]} */
const rules = [];
for (const line of text.slice(begin, end).split('\n')) {
  const rule = line.trim().split(/\s/)[0] ?? '';
  if (rule === '' || rule.startsWith('//')) continue;
  rules.push(rule.toLowerCase());
}

/** A-label form of a rule, keeping its `!` or `*.`: `*.公司.cn` → `*.xn--55qx5d.cn`. */
function toALabels(rule) {
  const bang = rule.startsWith('!') ? '!' : '';
  const body = rule.slice(bang.length);
  const star = body.startsWith('*.') ? '*.' : '';
  const ascii = domainToASCII(body.slice(star.length));
  if (ascii === '') fail(`cannot convert rule ${rule} to A-labels`);
  return bang + star + ascii;
}

// Trie of reversed labels. Node: { rule, children: Map, exceptions: Set }.
const newNode = () => ({ rule: false, children: new Map(), exceptions: new Set() });
const root = newNode();
let kept = 0;
let idn = 0;
let wildcards = 0;
const exceptions = [];

function insert(rule) {
  const labels = rule.split('.').reverse();
  let node = root;
  for (const label of labels) {
    if (label === '' || (label !== '*' && /[\s(),~!*`$\\]/.test(label))) fail(`label "${label}" of rule ${rule} is empty or holds a character the format reserves`);
    let child = node.children.get(label);
    if (child === undefined) {
      child = newNode();
      node.children.set(label, child);
    }
    node = child;
  }
  node.rule = true;
}

for (const raw of new Set(rules)) {
  // IDN rules as A-labels only: mail servers write host names in A-labels (RFC 5321 §2.3.5; SMTPUTF8
  // U-labels are rare), and the U-label copies cost 3 KB of the popup's 120 KB budget (issue 6).
  const forms = /[^\p{ASCII}]/u.test(raw) ? [toALabels(raw)] : [raw];
  for (const rule of forms) {
    const isException = rule.startsWith('!');
    const labels = rule.replace(/^!/, '').split('.');
    if (!isException && labels.length < 2 && !rule.startsWith('*')) continue; // same answer as `*`
    if (labels.slice(1).includes('*')) fail(`rule ${rule} has a wildcard that is not its left-most label`);
    kept++;
    if (rule !== raw) idn++;
    if (isException) exceptions.push(rule.slice(1));
    else {
      if (rule.startsWith('*')) wildcards++;
      insert(rule);
    }
  }
}

// The parent of a wildcard rule is a public suffix too (`*.kawasaki.jp` makes `kawasaki.jp` one), as tldts
// 7.6.0 reads the list (all 16 ICANN and 305 private wildcard parents are rules in its data).
let implied = 0;
(function markWildcardParents(node, depth) {
  for (const child of node.children.values()) markWildcardParents(child, depth + 1);
  if (depth >= 2 && node.children.has('*') && !node.rule) {
    node.rule = true;
    implied++;
  }
})(root, 0);

// Exceptions hang on their parent as a set of labels; the parent must be a node of the rule trie (it always
// is: `!www.ck` goes with `*.ck`), so that the lookup can check exceptions on its way down the rules.
for (const exception of exceptions) {
  const [first, ...rest] = exception.split('.');
  if (rest.length === 0) fail(`exception !${exception} has a single label`);
  let node = root;
  for (const label of rest.reverse()) {
    node = node.children.get(label);
    if (node === undefined) fail(`exception !${exception} has no rule above it`);
  }
  node.exceptions.add(first);
}

// A wildcard child is a leaf: no rule is written below a `*`.
(function checkWildcards(node) {
  for (const [label, child] of node.children) {
    if (label === '*' && child.children.size > 0) fail('a rule below a wildcard (`a.*.b`) is not supported');
    checkWildcards(child);
  }
})(root);

const byCodePoint = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/** `label`, `~label` (a parent only, not itself a rule), `!label` (exception), then `(children)`. */
function encode(label, node, depth) {
  const parts = [...node.exceptions].sort(byCodePoint).map((e) => `!${e}`);
  for (const [childLabel, child] of [...node.children].sort((a, b) => byCodePoint(a[0], b[0]))) {
    parts.push(encode(childLabel, child, depth + 1));
  }
  const marker = depth >= 2 && !node.rule ? '~' : '';
  return `${marker}${label}${parts.length > 0 ? `(${parts.join(',')})` : ''}`;
}

const topLevel = [...root.children].sort((a, b) => byCodePoint(a[0], b[0])).map(([label, node]) => encode(label, node, 1));
const data = topLevel.join('\n');
const bytes = Buffer.byteLength(data, 'utf8');

// Packed as src/core/psl/pack.ts reads it: raw DEFLATE at level 9, in base64, 100 characters a line.
if (!/^[\x20-\x7e\n]*$/.test(data)) throw new Error('make-psl: the trie text is not printable ASCII, which unpack() assumes');
function pack(text) {
  const b64 = deflateRawSync(Buffer.from(text, 'ascii'), { level: 9, memLevel: 9 }).toString('base64');
  const lines = [];
  for (let i = 0; i < b64.length; i += 100) lines.push(b64.slice(i, i + 100));
  return lines.join('\n');
}
const packed = pack(data);
const packedBytes = Buffer.byteLength(packed, 'utf8');

const out = `// GENERATED by scripts/make-psl.mjs — do not edit. Regenerate: node scripts/make-psl.mjs [public_suffix_list.dat]
// Source: ${input}, Public Suffix List version ${version}, sha256 ${sha256}.
// ICANN section only, and only its ${kept + implied} rules that change the answer of the default \`*\` rule: rules of
// two labels or more, ${wildcards} wildcard rules and their ${implied} parents (\`kawasaki.jp\` for \`*.kawasaki.jp\`,
// as tldts reads the list), ${exceptions.length} exception rules; ${idn} of them are the A-label forms of IDN rules.
// Format and lookup: src/core/psl/trie.ts; packed (src/core/psl/pack.ts): ${bytes} bytes as ${packedBytes}.

export const PSL_VERSION = '${version.split(' ')[0]}';

/** Reversed-label trie, one top-level label per line (\`jp(ac,kawasaki(!city,*),…)\`), packed (pack.ts). */
export const PSL_PACKED = \`${packed}\`;
`;
writeFileSync(OUTPUT, out);
console.log(`make-psl: packed ${bytes} -> ${packedBytes} bytes; ${kept + implied} rules (${implied} wildcard parents, ${idn} A-label forms, ${wildcards} wildcards, ${exceptions.length} exceptions), ${bytes} bytes -> ${OUTPUT.pathname}`);
