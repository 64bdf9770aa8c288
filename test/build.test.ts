// The built extension wires the right code to each entry. crxjs names chunks after their source file, and
// two entries called index.ts once made the service-worker loader import the content script instead of the
// background (every browser test failed, the badge never changed). Entries now have distinct names; this
// keeps it so.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe.each(['chrome', 'firefox'])('dist/%s', (browser) => {
  const dist = join('dist', browser);
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));

  it('starts the background: the loader imports the chunk that registers the message router', () => {
    const entry = browser === 'chrome' ? manifest.background.service_worker : manifest.background.scripts[0];
    const loader = readFileSync(join(dist, entry), 'utf8');
    const target = /import\s*['"]\.\/(assets\/[^'"]+)['"]/.exec(loader)?.[1];
    expect(target).toBeDefined();
    const code = readFileSync(join(dist, target as string), 'utf8');
    expect(code).toContain('runtime.onMessage.addListener');
    expect(code).toContain('contextMenus');
  });

  it('ships the content script as one self-contained file that the background injects by name', () => {
    const [script] = manifest.content_scripts[0].js as string[];
    expect(existsSync(join(dist, script as string))).toBe(true);
    const code = readFileSync(join(dist, script as string), 'utf8');
    expect(code).not.toMatch(/\bimport\s*\(|^import /m);
    expect(code).toContain('content:headers-found');
  });
});

describe('the manifest grants what the adapters need, and nothing more', () => {
  it('runs the content script on every known webmail raw view, with host access for exactly those hosts', async () => {
    const { ADAPTERS } = await import('../src/extract/registry.js');
    const manifest = JSON.parse(readFileSync(join('dist', 'chrome', 'manifest.json'), 'utf8'));
    const matches = new Set<string>(manifest.content_scripts[0].matches);
    const hosts = new Set<string>(manifest.host_permissions);
    for (const a of ADAPTERS) {
      for (const m of a.matches) {
        expect(matches, `${a.id}: ${m}`).toContain(m);
        const host = m.replace(/^([^:]+:\/\/[^/]+)\/.*$/, '$1/*');
        expect(hosts, `${a.id}: ${host}`).toContain(host);
      }
    }
    const needed = new Set(ADAPTERS.flatMap((a) => a.matches.map((m) => m.replace(/^([^:]+:\/\/[^/]+)\/.*$/, '$1/*'))));
    expect([...hosts].filter((h) => !needed.has(h))).toEqual([]);
    expect(manifest.permissions.sort()).toEqual(['activeTab', 'contextMenus', 'scripting', 'storage']);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  });
});
