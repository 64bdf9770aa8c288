// The bench's inputs: every real header block in the test fixtures, synthetic chains, a 10 MB .eml, and
// hostile text (issue 6). Documentation addresses and example domains only in what is generated here.
import { readFileSync } from 'node:fs';

const root = new URL('../../', import.meta.url);
const read = (p: string) => readFileSync(new URL(p, root), 'utf8');

/** Real header blocks: the labelled corpus, the MTA lab's delivered messages, the format table (one field each), the samples. */
export function realBlocks(): string[] {
  const blocks: string[] = [];
  for (const line of read('test/fixtures/corpus/public-dev.jsonl').split('\n')) {
    if (line.trim() !== '') blocks.push((JSON.parse(line) as { headers: string }).headers);
  }
  for (const m of (JSON.parse(read('test/fixtures/mta-lab.json')) as { messages: { headers: string }[] }).messages) blocks.push(m.headers);
  for (const row of JSON.parse(read('test/fixtures/received-formats.json')) as { received: string }[]) blocks.push(`Received: ${row.received}\n`);
  const anchors = JSON.parse(read('test/fixtures/corpus/anchor-lines.json')) as { lines?: { received: string }[] };
  for (const row of anchors.lines ?? []) blocks.push(`Received: ${row.received}\n`);
  for (const f of ['samples/encrypted-chain.eml', 'samples/partial-plaintext.eml']) blocks.push(read(f));
  return blocks;
}

/** The Received fields of a header block, unfolded, each with its name: what mailauth's parser takes. */
export function receivedFields(block: string): string[] {
  const head = block.split(/\r?\n\r?\n/)[0] ?? '';
  const fields = head.split(/\r?\n(?![ \t])/);
  return fields.filter((f) => /^received:/i.test(f)).map((f) => f.replace(/\r?\n[ \t]+/g, ' '));
}

/** A chain of `n` Postfix-style TLS hops, oldest at the bottom. */
export function syntheticChain(n: number): string {
  const lines: string[] = [];
  for (let i = n; i >= 1; i--) {
    const from = `mx${i - 1}.example${(i - 1) % 50}.com`;
    const by = `mx${i}.example${i % 50}.com`;
    const t = new Date(Date.UTC(2025, 0, 6, 12, 0, 0) + i * 1000).toUTCString().replace('GMT', '+0000');
    lines.push(
      `Received: from ${from} (${from} [192.0.2.${i % 250}])\r\n\t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)\r\n\t key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest SHA256)\r\n\t(No client certificate requested)\r\n\tby ${by} (Postfix) with ESMTPS id 4Q${i}X\r\n\tfor <user@example.org>; ${t}`,
    );
  }
  return `${lines.join('\r\n')}\r\nFrom: a@example.org\r\nSubject: bench\r\n\r\nbody\r\n`;
}

/** A 10 MB message whose body is base64 (an attachment), with a 6-hop header block. */
export function tenMegabyteEml(): string {
  const line = `${'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0'.slice(0, 76)}\r\n`;
  const body = line.repeat(Math.ceil((10 * 1024 * 1024) / line.length));
  return `${syntheticChain(6).replace(/\r\n\r\nbody\r\n$/, '')}\r\nMIME-Version: 1.0\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n${body}`;
}

export function hostileInputs(): [string, string][] {
  return [
    ['100,000 "("', `Received: from a ${'('.repeat(100_000)} by b; Mon, 06 Jan 2025 19:49:50 +0100\n`],
    ['100,000 ")" and "\\\\"', `Received: from a ${')\\'.repeat(50_000)} by b; Mon, 06 Jan 2025 19:49:50 +0100\n`],
    ['a 1 MB header line', `Received: from a by b with ESMTPS id ${'x'.repeat(1024 * 1024)}; Mon, 06 Jan 2025 19:49:50 +0100\n`],
    ['50,000 tiny fields', `${'A: b\n'.repeat(50_000)}Received: from a by b; Mon, 06 Jan 2025 19:49:50 +0100\n\n`],
    ['50,000 Received fields', `${'Received: from a by b with SMTP; Mon, 06 Jan 2025 19:49:50 +0100\n'.repeat(50_000)}\n`],
    ['1 MB of spaces', `Received: from a${' '.repeat(1024 * 1024)}by b; Mon, 06 Jan 2025 19:49:50 +0100\n`],
    ['1 MB of ";"', `Received: from a by b${';'.repeat(1024 * 1024)} Mon, 06 Jan 2025 19:49:50 +0100\n`],
    ['1 MB of "<"', `Received: from a by b for ${'<'.repeat(1024 * 1024)}; Mon, 06 Jan 2025 19:49:50 +0100\n`],
    ['1 MB of quotes', `Received: from "a by b ${'"'.repeat(1024 * 1024)}; Mon, 06 Jan 2025 19:49:50 +0100\n`],
    ['10,000 folded lines', `Received: from a\n${' x\n'.repeat(10_000)} by b; Mon, 06 Jan 2025 19:49:50 +0100\n\n`],
    ['2 MB without a line break', 'X'.repeat(2 * 1024 * 1024)],
    ['1 MB of "> " quoting', `${'> '.repeat(512 * 1024)}Received: from a by b; Mon, 06 Jan 2025 19:49:50 +0100\n`],
  ];
}
