// Supply chain (issue 7): every package in the lockfile comes from the npm registry with an integrity hash
// (npm ci verifies them), dependencies are pinned exactly, and the runtime dependencies are the reviewed ones.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { lockfileVersion: number; packages: Record<string, { resolved?: string; integrity?: string; link?: boolean }> };
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies?: Record<string, string>; devDependencies: Record<string, string> };

/** Runtime dependencies, each with why it is needed (README "Runtime dependencies"). */
const REVIEWED_RUNTIME: Record<string, string> = {};

describe('supply chain', () => {
  it('locks every package with a sha512 integrity hash, from the npm registry only', () => {
    expect(lock.lockfileVersion).toBeGreaterThanOrEqual(3);
    const entries = Object.entries(lock.packages).filter(([path, p]) => path !== '' && !p.link);
    expect(entries.length).toBeGreaterThan(100);
    expect(entries.filter(([, p]) => !p.integrity?.startsWith('sha512-')).map(([path]) => path)).toEqual([]);
    // This machine's npm omits `resolved` for the default registry (omit-lockfile-registry-resolved);
    // where a URL is written it must be the registry's: no git, file or tarball URLs from elsewhere.
    expect(entries.filter(([, p]) => p.resolved !== undefined && !p.resolved.startsWith('https://registry.npmjs.org/')).map(([path]) => path)).toEqual([]);
  });

  it('pins every direct dependency to an exact version', () => {
    const all = { ...pkg.dependencies, ...pkg.devDependencies };
    expect(Object.entries(all).filter(([, v]) => !/^\d+\.\d+\.\d+$/.test(v))).toEqual([]);
  });

  it('has only the reviewed runtime dependencies', () => {
    expect(Object.keys(pkg.dependencies ?? {}).sort()).toEqual(Object.keys(REVIEWED_RUNTIME).sort());
  });
});
