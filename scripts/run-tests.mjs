#!/usr/bin/env node
// `npm test`: type checks, lint, the library build, then every vitest suite; ends with the plain
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
];
const env = { ...process.env, TZ: 'UTC' };
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
const extra = process.argv.slice(2);
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
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
