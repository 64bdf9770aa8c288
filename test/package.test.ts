// scripts/package.mjs: the store zips hold exactly dist/<browser>, files at the zip root, byte for byte, and
// the same input gives the same zip. Read back with a minimal reader (central directory + inflate).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
const out = mkdtempSync(join(tmpdir(), 'hoplock-zip-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function readZip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let p = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error(`bad central header ${i}`);
    const method = zip.readUInt16LE(p + 10);
    const size = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLen);
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const body = zip.subarray(start, start + size);
    files.set(name, method === 8 ? inflateRawSync(body) : Buffer.from(body));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return files;
}

function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => relative(dir, join(dir, f)).split(sep).join('/'))
    .filter((f) => !f.split('/').some((part) => part.startsWith('.'))) // dot files stay out of the zip
    .sort();
}

function pack(): { status: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [join(root, 'scripts/package.mjs'), '--out', out], { cwd: root, encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr };
}

describe('store zips (scripts/package.mjs)', () => {
  it.each(['chrome', 'firefox'])('%s: every file of dist/%s at the zip root, unchanged; reproducible', (browser) => {
    const dist = join(root, 'dist', browser);
    expect(existsSync(join(dist, 'manifest.json')), `${dist} is built (npm test builds it)`).toBe(true);
    expect(pack()).toMatchObject({ status: 0 });
    const file = join(out, `hoplock-${browser}-${version}.zip`);
    const first = readFileSync(file);
    const files = readZip(first);
    expect([...files.keys()]).toEqual(tree(dist));
    expect(files.has('manifest.json')).toBe(true);
    for (const [name, data] of files) expect(data.equals(readFileSync(join(dist, name))), name).toBe(true);
    expect(pack()).toMatchObject({ status: 0 });
    expect(readFileSync(file).equals(first)).toBe(true);
  });
});
