// The manifests' permissions, host access, content scripts and content-security policy, pinned to a
// reviewed list (issue 7). A change here is a deliberate, reviewed change: update the list, the reason,
// and README "What Hoplock can access".
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUTOMATIC_HOSTS } from '../src/extract/hosts.js';

/** Every permission, with why Hoplock needs it. */
const REVIEWED_PERMISSIONS: Record<string, string> = {
  storage: 'each tab’s analysis in storage.session (survives the worker being stopped), the paste-in draft, and the person’s own relays (storage.sync, options page)',
  activeTab: 'read the current tab once, when the person clicks the toolbar button or the context menu',
  scripting: 'run the extraction in that tab (executeScript) and on sites the person allowed (registerContentScripts)',
  contextMenus: '"Analyze selected text as headers"',
};
const REVIEWED_OPTIONAL_HOSTS = ['https://*/*', 'http://*/*']; // asked one origin at a time: "Always analyse raw views on <host>"
const REVIEWED_CSP = "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
/** Keys a manifest may have. `externally_connectable`, `web_accessible_resources`, `commands` etc. are not among them. */
const REVIEWED_KEYS = [
  'action',
  'background',
  'browser_specific_settings',
  'content_scripts',
  'content_security_policy',
  'default_locale',
  'description',
  'host_permissions',
  'icons',
  'manifest_version',
  'name',
  'optional_host_permissions',
  'options_ui',
  'permissions',
  'version',
];

describe.each(['chrome', 'firefox'])('dist/%s/manifest.json', (browser) => {
  const m = JSON.parse(readFileSync(join('dist', browser, 'manifest.json'), 'utf8'));

  it('asks for exactly the reviewed permissions', () => {
    expect([...m.permissions].sort()).toEqual(Object.keys(REVIEWED_PERMISSIONS).sort());
  });

  it('has host access to the known webmails only; any other site is optional, one origin at a time', () => {
    expect(m.host_permissions).toEqual(AUTOMATIC_HOSTS);
    for (const h of m.host_permissions as string[]) expect(h, 'a static host permission must name a host, never all sites').toMatch(/^https:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+\/\*$/);
    expect(m.optional_host_permissions).toEqual(REVIEWED_OPTIONAL_HOSTS);
  });

  it('runs its content script only on those hosts', () => {
    expect(m.content_scripts).toHaveLength(1);
    expect(m.content_scripts[0].matches).toEqual(AUTOMATIC_HOSTS);
  });

  it('pins the content-security policy of its pages, and exposes nothing to web pages', () => {
    expect(m.content_security_policy).toEqual({ extension_pages: REVIEWED_CSP });
    expect(Object.keys(m).filter((k) => !REVIEWED_KEYS.includes(k))).toEqual([]);
    expect(m.web_accessible_resources).toBeUndefined();
    expect(m.externally_connectable).toBeUndefined();
  });

  if (browser === 'firefox') {
    it('declares that it collects no data (Firefox)', () => {
      expect(m.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
    });
  }
});
