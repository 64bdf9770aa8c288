// `npm run bench` (issue 6): a benchmark, not a test. It asserts nothing; it prints each figure with its
// target (PASS/MISS) and writes the same report to test-results/bench.md for the README.
//   --no-build   measure lib/ as it is (default: rebuild it with `npx tsc -p tsconfig.lib.json` first)
//   --no-popup   skip the Chromium part
//   --popup-only only the Chromium part (with vite build's dist/chrome)
// The library is measured as built JavaScript (lib/core), not src/ through tsx: tsx's module wrapping
// costs time on every call across modules (the report prints the comparison).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DateReader } from './floor-reader.js';
import { type Analyze, benchLibrary } from './library.js';
import { benchPopup } from './popup.js';
import { machine, Report } from './report.js';
import { benchStartup } from './startup.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const args = new Set(process.argv.slice(2));
const started = performance.now();
const load = loadavg()[0] ?? 0;

const LIB = join(ROOT, 'lib/core/index.js');
if (!args.has('--no-build')) {
  console.log('Building the library: npx tsc -p tsconfig.lib.json');
  const b = spawnSync('npx', ['tsc', '-p', 'tsconfig.lib.json'], { cwd: ROOT, stdio: 'inherit' });
  if (b.status !== 0 && existsSync(LIB)) console.warn('tsc reported errors; measuring lib/ as emitted.');
}
if (!existsSync(LIB) || !existsSync(join(ROOT, 'lib/cli/main.js'))) {
  console.error('lib/ is missing: build it with `npm run build:lib` (npx tsc -p tsconfig.lib.json).');
  process.exit(1);
}

if (args.has('--popup-only')) {
  await benchPopup(new Report()); // the report prints as it goes
  process.exit(0);
}

const built = (await import(pathToFileURL(LIB).href)) as { analyze: Analyze };
const dates = (await import(pathToFileURL(join(ROOT, 'lib/core/dates.js')).href)) as DateReader;
const throughTsx = (await import('../../src/core/index.js')) as { analyze: Analyze };

const r = new Report();
r.out('# Hoplock bench (npm run bench)');
await benchLibrary(r, built.analyze, throughTsx.analyze, dates);
if (args.has('--no-popup')) r.para('\n(Popup part skipped: --no-popup.)');
else await benchPopup(r);
benchStartup(r);
r.heading('Machine');
r.para(machine(load));
if (load > cpus().length / 2) r.para(`The machine was busy when the bench started (load ${load.toFixed(2)} on ${cpus().length} cores): figures are noisy; rerun on an idle machine.`);

mkdirSync(join(ROOT, 'test-results'), { recursive: true });
writeFileSync(join(ROOT, 'test-results/bench.md'), r.markdown());
console.log(`Written to test-results/bench.md (${((performance.now() - started) / 1000).toFixed(0)} s).`);
