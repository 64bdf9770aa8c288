#!/usr/bin/env node
// `npm run build:zip` (the last step of `npm run build`): the store uploads dist/hoplock-chrome-<version>.zip
// (Chrome Web Store) and dist/hoplock-firefox-<version>.zip (addons.mozilla.org) from dist/chrome and
// dist/firefox, files at the zip root. No dependency and no `zip` binary: a small deflate zip writer over
// node:zlib. The zips are reproducible: entries sorted, one fixed timestamp (SOURCE_DATE_EPOCH if set).
// `--out DIR` writes elsewhere (tests).
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { deflateRawSync } from 'node:zlib';

const root = resolve(new URL('..', import.meta.url).pathname);
const outArg = process.argv.indexOf('--out');
const outDir = outArg >= 0 ? resolve(process.argv[outArg + 1] ?? '') : join(root, 'dist');

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** DOS date and time of SOURCE_DATE_EPOCH (UTC), or 1980-01-01 00:00, the earliest a zip can say. */
function dosDateTime() {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  if (!Number.isFinite(epoch) || epoch < 315532800) return { date: (0 << 9) | (1 << 5) | 1, time: 0 };
  const d = new Date(epoch * 1000);
  return {
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
  };
}

/** Every file under dir, as zip names ('/' separators), sorted; dot files (editor and OS litter) left out. */
function listFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** A zip of the files under dir, each at its path relative to dir; deflated unless that does not help. */
export function zipDirectory(dir) {
  const { date, time } = dosDateTime();
  const locals = [];
  const central = [];
  let offset = 0;
  const names = listFiles(dir);
  if (names.length > 0xffff) throw new Error(`${dir}: too many files for a zip without zip64`);
  for (const name of names) {
    const data = readFileSync(join(dir, name));
    const deflated = deflateRawSync(data, { level: 9 });
    const [method, body] = deflated.length < data.length ? [8, deflated] : [0, data];
    const nameBuf = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const flags = /[^\x20-\x7e]/.test(name) ? 0x0800 : 0; // bit 11: the name is UTF-8
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    local.writeUInt16LE(0, 28);
    const head = Buffer.alloc(46);
    head.writeUInt32LE(0x02014b50, 0);
    head.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, 2.0
    head.writeUInt16LE(20, 6);
    head.writeUInt16LE(flags, 8);
    head.writeUInt16LE(method, 10);
    head.writeUInt16LE(time, 12);
    head.writeUInt16LE(date, 14);
    head.writeUInt32LE(crc, 16);
    head.writeUInt32LE(body.length, 20);
    head.writeUInt32LE(data.length, 24);
    head.writeUInt16LE(nameBuf.length, 28);
    head.writeUInt16LE(0, 30); // extra
    head.writeUInt16LE(0, 32); // comment
    head.writeUInt16LE(0, 34); // disk
    head.writeUInt16LE(0, 36); // internal attributes
    head.writeUInt32LE((0o100644 << 16) >>> 0, 38); // external: regular file, rw-r--r--
    head.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, body);
    central.push(head, nameBuf);
    offset += local.length + nameBuf.length + body.length;
    if (offset > 0xffffffff) throw new Error(`${dir}: too large for a zip without zip64`);
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return { zip: Buffer.concat([...locals, ...central, end]), names };
}

function main() {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  mkdirSync(outDir, { recursive: true });
  for (const browser of ['chrome', 'firefox']) {
    const dir = join(root, 'dist', browser);
    const manifestPath = join(dir, 'manifest.json');
    if (!existsSync(manifestPath) || !statSync(dir).isDirectory()) {
      throw new Error(`${manifestPath} is missing: run npm run build:ext first`);
    }
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    // The stores read the version from the manifest; a stale build would be uploaded under the wrong name.
    if (manifest.version !== pkg.version) {
      throw new Error(`dist/${browser} is version ${manifest.version}, package.json says ${pkg.version}: rebuild (npm run build:ext)`);
    }
    const { zip, names } = zipDirectory(dir);
    const file = join(outDir, `hoplock-${browser}-${pkg.version}.zip`);
    writeFileSync(file, zip);
    console.log(`${relative(process.cwd(), file) || file}: ${names.length} files, ${(zip.length / 1024).toFixed(1)} KB`);
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  try {
    main();
  } catch (e) {
    console.error(`package: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
