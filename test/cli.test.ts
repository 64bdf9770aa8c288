// The `hoplock` command, run as a person would after `npm ci`: `npm run analyze -- FILE` uses tsx.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
function run(args: string[], input?: string) {
  return spawnSync('npx', ['tsx', 'src/cli/main.ts', ...args], { cwd: root, input, encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
}

describe('hoplock CLI', () => {
  it('prints a readable table by default', () => {
    const r = run(['samples/partial-plaintext.eml']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Verdict: partial');
    expect(r.stdout).toMatch(/3\*\s+encrypted\s+mx\.example\.com → mail\.example\.net\s+ESMTPS\s+TLS1\.2 ECDHE-RSA-AES256-GCM-SHA384/);
  });
  it('prints schema hoplock/1 JSON for one file', () => {
    const r = run(['--json', 'samples/encrypted-chain.eml']);
    const a = JSON.parse(r.stdout);
    expect(a.schema).toBe('hoplock/1');
    expect(a.verdict).toBe('encrypted');
    expect(a.hops).toHaveLength(5);
    expect(a.file).toBeUndefined();
  });
  it('prints one JSON object per line, with file, for several files', () => {
    const r = run(['--json', 'samples/encrypted-chain.eml', 'samples/partial-plaintext.eml']);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.file, l.verdict])).toEqual([
      ['samples/encrypted-chain.eml', 'encrypted'],
      ['samples/partial-plaintext.eml', 'partial'],
    ]);
  });
  it('reads standard input with -', () => {
    const r = run(['--json', '-'], 'Received: from a (a [192.0.2.1]) by b.example with ESMTP id 1; Mon, 6 Jan 2025 10:00:00 +0000\n');
    expect(JSON.parse(r.stdout).verdict).toBe('plaintext');
  });
  it('prints a Markdown report', () => {
    const r = run(['--markdown', 'samples/partial-plaintext.eml']);
    expect(r.stdout).toContain('**Verdict: partial.**');
    expect(r.stdout).toContain('| 3 (inbound) |');
  });
  it('exits non-zero with a one-line reason and nothing on stdout for input without headers', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hoplock-'));
    const file = join(dir, 'letter.txt');
    writeFileSync(file, 'Dear Bob,\nno headers here.\n');
    const r = run(['--json', file]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/letter\.txt: No email headers found/);
  });
  it('exits non-zero for a missing file and still analyses the others', () => {
    const r = run(['--json', 'no/such/file.eml', 'samples/encrypted-chain.eml']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no/such/file.eml: cannot read: no such file');
    expect(JSON.parse(r.stdout.trim()).file).toBe('samples/encrypted-chain.eml');
  });
  it('refuses unknown options with status 2', () => {
    expect(run(['--frobnicate']).status).toBe(2);
  });
  it('is importable as a library from the built package exports', () => {
    const out = execFileSync(
      'node',
      ['--input-type=module', '-e', "import { analyze } from 'hoplock'; console.log(analyze('Received: from a (a [192.0.2.1]) by b.example with ESMTPS id 1; Mon, 6 Jan 2025 10:00:00 +0000\\n').verdict)"],
      { cwd: root, encoding: 'utf8' },
    );
    expect(out.trim()).toBe('encrypted');
  });
});
