#!/usr/bin/env node
// `npm test`: type checks, lint, the builds, web-ext lint of the Firefox build, every vitest suite (with the
// real-browser suites in test/browser), then the MTA lab; ends with the plain
// "N passed, N failed" line that CI reads (vitest's own summary is not recognised there).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const steps = [
  ['typecheck: core purity (no DOM, no Node)', 'npx', ['tsc', '-p', 'tsconfig.core.json']],
  ['typecheck: everything', 'npx', ['tsc', '-p', 'tsconfig.json']],
  ['lint', 'npx', ['biome', 'check', 'src', 'test', 'scripts']],
  ['build: library and CLI (lib/)', 'npx', ['tsc', '-p', 'tsconfig.lib.json']],
  ['build: Chrome extension (dist/chrome)', 'npx', ['vite', 'build', '--logLevel', 'warn']],
  ['build: Firefox extension (dist/firefox)', 'npx', ['vite', 'build', '--mode', 'firefox', '--logLevel', 'warn']],
  // addons.mozilla.org's linter over the Firefox build, offline; a warning fails like an error. Not
  // --self-hosted: the zip goes to AMO, so its listing checks apply.
  ['lint: Firefox build (web-ext lint)', 'npx', ['web-ext', 'lint', '--source-dir', 'dist/firefox', '--warnings-as-errors', '--no-config-discovery', '--boring']],
];
// NO_UPDATE_NOTIFIER: web-ext would otherwise ask the npm registry for a newer web-ext.
const env = { ...process.env, TZ: 'UTC', NO_UPDATE_NOTIFIER: '1' };
let passed = 0;
let failed = 0;
for (const [name, cmd, args] of steps) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status === 0) {
    passed++;
    console.log(`ok: ${name}`);
  } else {
    failed++;
    console.log(`FAILED: ${name}`);
  }
}
const report = '.vitest-result.json';
rmSync(report, { force: true });
const extra = process.argv.slice(2).filter((a) => a !== '--no-mta');
spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra], { stdio: 'inherit', env });
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests + (r.numTotalTestSuites > 0 && r.success === false && r.numFailedTests === 0 ? 1 : 0);
  if (r.numTotalTests === 0) failed++;
} else {
  console.log('FAILED: vitest wrote no report');
  failed++;
}
// The integration suite against real mail servers (test/mta, issue 3): one test per hop. It needs root on
// Debian (it installs the servers); `npm run test:quick` is everything but this.
if (!process.argv.includes('--no-mta')) {
  const mta = spawnSync('npx', ['tsx', 'test/mta/run.ts'], { stdio: ['ignore', 'pipe', 'inherit'], env, encoding: 'utf8', maxBuffer: 64 << 20 });
  process.stdout.write(mta.stdout ?? '');
  const m = /^(\d+) passed, (\d+) failed$/m.exec(mta.stdout ?? '');
  if (m) {
    passed += Number(m[1]);
    failed += Number(m[2]);
  }
  if (!m || (mta.status !== 0 && Number(m[2]) === 0)) {
    console.log('FAILED: MTA integration suite (no result line, or a non-zero exit)');
    failed++;
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
