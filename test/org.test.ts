// Registrable domains by Hoplock's own Public Suffix List code (src/core/psl), which replaced tldts in the
// runtime (issue "Speed and size"). tldts 7.6.0 stays a devDependency as the oracle: the answers are compared
// on every host name in the test fixtures, on hand-picked tricky hosts, and on every rule of the committed
// list. Both hold IDN rules twice, in U-labels and in A-labels.
import { readFileSync } from 'node:fs';
import { getDomain } from 'tldts';
import { constants, deflateRawSync, type ZlibOptions } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { organisationOf, sameOrganisation } from '../src/core/org.js';
import { PSL_PACKED, PSL_VERSION } from '../src/core/psl/data.js';
import { base64Bytes, inflate, unpack } from '../src/core/psl/pack.js';

const PSL_TRIE = unpack(PSL_PACKED);
import { registrableDomain } from '../src/core/psl/registrable-domain.js';
import { type PslNode, parseTrie, topLevelNode } from '../src/core/psl/trie.js';

const fixtures = new URL('./fixtures/', import.meta.url);

const tldts = (host: string): string | null => getDomain(host, { allowPrivateDomains: false });

describe('the PSL trie format', () => {
  const trie = parseTrie('jp(ac,aichi(aisai,ama),kawasaki(!city,*))\nck(!www,*)\nno(~hedmark(os,valer),mil)');
  const jp = trie.children?.get('jp') as PslNode;

  it('reads a top-level label as a parent only: single-label rules answer as the default rule', () => {
    expect(jp.rule).toBe(false);
    expect(trie.children?.get('ck')?.rule).toBe(false);
  });

  it('reads a deeper label as a rule, unless it is marked ~', () => {
    expect(jp.children?.get('ac')?.rule).toBe(true);
    expect(jp.children?.get('aichi')?.children?.get('ama')?.rule).toBe(true);
    expect(jp.children?.get('kawasaki')?.rule).toBe(true);
    const hedmark = trie.children?.get('no')?.children?.get('hedmark');
    expect(hedmark?.rule).toBe(false);
    expect(hedmark?.children?.get('os')?.rule).toBe(true);
  });

  it('reads ! as an exception of the parent and * as the wildcard', () => {
    const kawasaki = jp.children?.get('kawasaki') as PslNode;
    expect([...(kawasaki.exceptions ?? [])]).toEqual(['city']);
    expect(kawasaki.children?.get('*')?.rule).toBe(true);
    expect(kawasaki.children?.has('city')).toBe(false);
  });

  it.each(['a(b', 'a)b', '(a)', 'a(b))'])('throws on malformed data %s', (text) => {
    expect(() => parseTrie(text)).toThrow(/PSL data/);
  });

  it('parses one top-level label of the committed list on demand, as the whole list parses it', () => {
    type Shape = { rule: boolean; exceptions: string[]; children: Record<string, Shape> };
    const shape = (node: PslNode | undefined): Shape | undefined =>
      node === undefined
        ? undefined
        : {
            rule: node.rule,
            exceptions: [...(node.exceptions ?? [])],
            children: Object.fromEntries([...(node.children ?? [])].map(([label, child]) => [label, shape(child) as Shape])),
          };
    const whole = parseTrie(PSL_TRIE);
    expect(whole.children?.size).toBeGreaterThan(200);
    for (const [label, node] of whole.children ?? []) expect(shape(topLevelNode(label)), label).toEqual(shape(node));
  });

  it.each(['com', 'example', '__proto__', 'hasOwnProperty', ''])('has no rules below %s', (label) => {
    expect(topLevelNode(label)).toBeUndefined();
  });

  it('parses the committed list, whose header states its version and rule count', () => {
    const source = readFileSync(new URL('../src/core/psl/data.ts', import.meta.url), 'utf8');
    const stated = Number(/only its (\d+) rules/.exec(source)?.[1]);
    expect(PSL_VERSION).toMatch(/^\d{8}/);
    expect(source).toContain(`version ${PSL_VERSION}`);
    let rules = 0;
    (function count(node: PslNode) {
      rules += node.exceptions?.size ?? 0;
      for (const child of node.children?.values() ?? []) {
        if (child.rule) rules++;
        count(child);
      }
    })(parseTrie(PSL_TRIE));
    expect(rules).toBe(stated);
    expect(rules).toBeGreaterThan(5000);
  });
});

describe('registrableDomain', () => {
  // [host, registrable domain]; tldts agrees on each, except where DEVIATIONS says why not.
  const TRICKY: readonly (readonly [string, string | null])[] = [
    ['co.uk', null],
    ['example.co.uk', 'example.co.uk'],
    ['mail.example.co.uk', 'example.co.uk'],
    ['b.ck', null], // *.ck
    ['a.b.ck', 'a.b.ck'],
    ['www.ck', 'www.ck'], // !www.ck
    ['a.www.ck', 'www.ck'],
    ['kawasaki.jp', null], // the parent of *.kawasaki.jp, a public suffix as tldts reads the list
    ['b.kawasaki.jp', null],
    ['a.b.kawasaki.jp', 'a.b.kawasaki.jp'],
    ['city.kawasaki.jp', 'city.kawasaki.jp'], // !city.kawasaki.jp
    ['a.city.kawasaki.jp', 'city.kawasaki.jp'],
    ['x.yokohama.jp', null],
    ['mx.pref.aichi.jp', 'pref.aichi.jp'],
    ['a.b.aisai.aichi.jp', 'b.aisai.aichi.jp'],
    ['mail.example.ne.jp', 'example.ne.jp'],
    ['a.b.個人.香港', '個人.香港'], // U-labels: the list is kept in A-labels only, so the default rule answers
    ['a.b.xn--gmqw5a.xn--j6w193g', 'b.xn--gmqw5a.xn--j6w193g'], // the same rule in A-labels
    ['a.b.公司.cn', '公司.cn'],
    ['a.b.xn--55qx5d.cn', 'b.xn--55qx5d.cn'],
    ['mx.example.xn--p1ai', 'example.xn--p1ai'], // .рф, single label
    ['hedmark.no', 'hedmark.no'], // a parent of rules only (os.hedmark.no)
    ['a.os.hedmark.no', 'a.os.hedmark.no'],
    ['a.b.sch.uk', 'a.b.sch.uk'], // *.sch.uk
    ['sch.uk', null],
    ['a.b.example', 'b.example'], // unknown TLD: the default rule
    ['relay.mail.lan', 'mail.lan'],
    ['a.github.io', 'github.io'], // private section left out
    ['x.blogspot.com', 'blogspot.com'],
    ['example.com.', 'example.com'],
    ['EXAMPLE.COM..', 'example.com'],
    ['Mail.Example.Co.UK', 'example.co.uk'],
    ['.example.com', 'example.com'],
    ['..example.com', null],
    ['.co.uk', null],
    ['a..example.com', null],
    ['localhost', null],
    ['com', null],
    ['jp', null],
    ['', null],
    ['.', null],
    ['192.0.2.1', null],
    ['2001:db8::1', null],
    ['[192.0.2.1]', null],
    ['example.123', null],
    ['example.0x1f', null],
    ['１２７.０.０.１', null],
    ['foo_bar.example.com', 'example.com'],
    ['_dmarc.example.com', 'example.com'],
    ['-a.example.com', null],
    ['a-.example.com', null],
    ['exa mple.com', null],
    [`${'a'.repeat(63)}.example.com`, 'example.com'],
    [`${'a'.repeat(64)}.example.com`, null],
    ['__proto__.example.com', 'example.com'],
    ['a.__proto__', 'a.__proto__'],
    ['constructor.hasownproperty', 'constructor.hasownproperty'],
    // Not host names: tldts reads URLs and takes the host out of them; Hoplock refuses.
    ['user@example.com', null],
    ['example.com:25', null],
    ['https://example.com/', null],
  ];
  const DEVIATIONS = new Map([
    ['a.b.個人.香港', 'U-label host: the list is kept in A-labels only (mail servers write A-labels)'],
    ['a.b.公司.cn', 'U-label host: the list is kept in A-labels only'],
    ['user@example.com', 'not a host name'],
    ['example.com:25', 'not a host name'],
    ['https://example.com/', 'not a host name'],
  ]);

  it.each(TRICKY)('%s → %s', (host, want) => {
    expect(registrableDomain(host)).toBe(want);
  });

  it.each(TRICKY.filter(([host]) => !DEVIATIONS.has(host)))('tldts agrees on %s', (host) => {
    expect(tldts(host)).toBe(registrableDomain(host));
  });
});

describe('registrableDomain against tldts on every host name in the fixtures', () => {
  function strings(value: unknown, out: string[]): string[] {
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value)) for (const v of value) strings(v, out);
    else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
    return out;
  }
  const texts: string[] = [];
  for (const file of ['received-formats.json', 'mta-lab.json', 'corpus/anchor-lines.json']) {
    strings(JSON.parse(readFileSync(new URL(file, fixtures), 'utf8')), texts);
  }
  for (const line of readFileSync(new URL('corpus/public-dev.jsonl', fixtures), 'utf8').split('\n')) {
    if (line.trim() !== '') strings(JSON.parse(line), texts);
  }
  const HOST = /[\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)+\.?/gu;
  const hosts = new Set<string>();
  for (const text of texts) for (const m of text.matchAll(HOST)) hosts.add(m[0].toLowerCase());

  it('gives the same answer for each', () => {
    const wrong = [...hosts].filter((h) => registrableDomain(h) !== tldts(h));
    expect(wrong.map((h) => `${h}: ${registrableDomain(h)} / tldts ${tldts(h)}`)).toEqual([]);
  });

  it('really compared many hosts, under multi-label suffixes too', () => {
    expect(hosts.size).toBeGreaterThan(1000);
    const deep = [...hosts].filter((h) => {
      const d = registrableDomain(h);
      return d !== null && d.split('.').length > 2;
    });
    expect(deep.length).toBeGreaterThan(5); // co.uk, ne.jp, com.au... in the corpus
  });
});

describe('registrableDomain against tldts on every rule of the committed list', () => {
  // The committed list is the Debian package's (PSL of 2023-02); tldts 7.6.0 carries a newer one. A rule
  // the newer list dropped (most of .museum, *.bd, *.kh...) cannot be checked against tldts: for those,
  // the check is that the lookup honours the rule.
  const rules: string[] = [];
  (function walk(node: PslNode, path: readonly string[]) {
    for (const e of node.exceptions ?? []) rules.push(`!${[e, ...path].join('.')}`);
    for (const [label, child] of node.children ?? []) {
      const next = [label, ...path];
      if (child.rule) rules.push(next.join('.'));
      walk(child, next);
    }
  })(parseTrie(PSL_TRIE), []);

  const checked: string[] = [];
  const dropped: string[] = [];
  const wrong: string[] = [];
  for (const rule of rules) {
    const exception = rule.startsWith('!');
    const base = rule.replace(/^!/, '').replace(/^\*/, 'w');
    const tldtsKnows = exception ? tldts(base) === base : tldts(base) === null;
    if (tldtsKnows) {
      checked.push(rule);
      for (const host of [base, `x.${base}`, `y.x.${base}`]) {
        if (registrableDomain(host) !== tldts(host)) wrong.push(`${rule}: ${host} → ${registrableDomain(host)}, tldts ${tldts(host)}`);
      }
    } else {
      dropped.push(rule);
      const honoured = exception
        ? registrableDomain(`x.${base}`) === base
        : registrableDomain(base) === null;
      if (!honoured) wrong.push(`${rule} (not in tldts' list): not honoured`);
    }
  }

  it(`answers as tldts does for the ${checked.length} rules both lists hold, honours the ${dropped.length} others`, () => {
    expect(wrong.slice(0, 30), `${wrong.length} wrong`).toEqual([]);
    expect(checked.length).toBeGreaterThan(rules.length * 0.85);
  });

  it('checked wildcard and exception rules, and IDN rules (in A-labels only)', () => {
    expect(checked.filter((r) => r.startsWith('*')).length).toBeGreaterThan(5);
    expect(checked.filter((r) => r.startsWith('!')).length).toBeGreaterThan(5);
    expect(checked.filter((r) => /[^\p{ASCII}]/u.test(r)).length).toBe(0);
    expect(checked.filter((r) => r.includes('xn--')).length).toBeGreaterThan(50);
  });
});

describe('organisationOf', () => {
  it.each([
    ['mail-ed1-f41.google.com', 'google.com'],
    ['mail.gmail.com', 'google.com'],
    ['DB9PR02MB1234.eurprd02.prod.outlook.com', 'outlook.com'],
    ['mx.example.co.uk', 'example.co.uk'],
    ['mx.example.co.uk.', 'example.co.uk'],
  ])('%s belongs to %s', (host, org) => {
    expect(organisationOf(host)).toBe(org);
  });

  it.each([null, '', 'localhost', 'lfdr', '192.0.2.1', '[IPv6:2001:db8::1]', 'co.uk', 'guovswzqkvry051@sohu.com', `${'a.'.repeat(127)}com`])(
    'has no organisation for %s',
    (host) => {
      expect(organisationOf(host)).toBeNull();
    },
  );

  it('folds the domains of one provider', () => {
    expect(sameOrganisation('x.namprd03.prod.outlook.com', 'y.outlook.office365.com')).toBe(true);
    expect(sameOrganisation('mx.example.co.uk', 'mx.other.co.uk')).toBe(false);
    expect(sameOrganisation(null, null)).toBe(false);
  });
});

describe('the packed PSL text', () => {
  // Streams made by node's zlib, as scripts/make-psl.mjs makes the data: each DEFLATE block type.
  const text = 'jp(ac,ad,aichi(aisai,ama,anjo,asuke),kawasaki(!city,*))\n'.repeat(40) + 'xn--p1ai(xn--80aaa,xn--80bbb)\n';
  const packedWith = (options: ZlibOptions) => deflateRawSync(Buffer.from(text, 'ascii'), options).toString('base64');
  it.each([
    ['stored blocks (level 0)', { level: 0 }],
    ['fixed Huffman codes', { level: 9, strategy: constants.Z_FIXED }],
    ['dynamic Huffman codes', { level: 9 }],
    ['dynamic codes, references only a byte back (run-length strategy)', { level: 9, strategy: constants.Z_RLE }],
  ] as const)('inflates %s back to the text', (_name, options) => {
    expect(unpack(packedWith(options))).toBe(text);
  });
  it('reads base64 across line breaks, as data.ts writes it', () => {
    const packed = packedWith({ level: 9 });
    expect(unpack(packed.replace(/(.{100})/g, '$1\n'))).toBe(text);
    expect([...base64Bytes('AAEC/w==')]).toEqual([0, 1, 2, 255]);
  });
  it('throws on a stream that ends early or names a reference before its start', () => {
    const packed = packedWith({ level: 9 });
    expect(() => unpack(packed.slice(0, 40))).toThrow(/PSL data/);
    // A fixed-code block whose first symbol is a length: a reference before any byte was written.
    expect(() => inflate(Uint8Array.from([0x03, 0x02]))).toThrow(/PSL data/);
  });
  it('unpacks to the trie text the generator wrote (one top-level entry per line, 6,201 rules)', () => {
    expect(PSL_TRIE.startsWith('ac(com,edu,gov,mil,net,org)\n')).toBe(true);
    expect(PSL_TRIE.split('\n').length).toBeGreaterThan(200);
  });
});
