// One config, two browsers: `vite build` writes dist/chrome, `vite build --mode firefox` dist/firefox.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crx } from '@crxjs/vite-plugin';
import { defineConfig, type Plugin } from 'vite';
import { chromeManifest, firefoxManifest } from './manifest.config.js';
import { TABLES, toMessagesJson } from './src/ui/tables.js';

/** public/_locales/<lang>/messages.json from src/ui/messages (generated, not committed). */
function writeLocales(): void {
  for (const [lang, table] of Object.entries(TABLES)) {
    mkdirSync(`public/_locales/${lang}`, { recursive: true });
    writeFileSync(`public/_locales/${lang}/messages.json`, `${JSON.stringify(toMessagesJson(table), null, 1)}\n`);
  }
}

/**
 * crxjs lists the content script in `web_accessible_resources` for every http(s) page because the
 * background names its file. Nothing needs that (scripting.executeScript and registerContentScripts read
 * extension files directly), and any web page could then fetch it to detect that Hoplock is installed.
 */
function noWebAccessibleResources(outDir: string): Plugin {
  return {
    name: 'hoplock:no-web-accessible-resources',
    enforce: 'post',
    writeBundle() {
      const file = join(outDir, 'manifest.json');
      const manifest = JSON.parse(readFileSync(file, 'utf8'));
      delete manifest.web_accessible_resources;
      writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
    },
  };
}

export default defineConfig(({ mode }) => {
  const firefox = mode === 'firefox';
  writeLocales();
  return {
    plugins: [
      crx({
        manifest: firefox ? firefoxManifest : chromeManifest,
        browser: firefox ? 'firefox' : 'chrome',
        // One self-contained file (no loader, no shared chunk): injected by scripting.executeScript too.
        contentScripts: { standaloneFiles: ['src/content/content.ts'] },
      }),
      noWebAccessibleResources(firefox ? 'dist/firefox' : 'dist/chrome'),
    ],
    build: { outDir: firefox ? 'dist/firefox' : 'dist/chrome', emptyOutDir: true, sourcemap: false },
  };
});
