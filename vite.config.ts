// One config, two browsers: `vite build` writes dist/chrome, `vite build --mode firefox` dist/firefox.
import { mkdirSync, writeFileSync } from 'node:fs';
import { crx } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import { chromeManifest, firefoxManifest } from './manifest.config.js';
import { TABLES, toMessagesJson } from './src/ui/tables.js';

/** public/_locales/<lang>/messages.json from src/ui/messages (generated, not committed). */
function writeLocales(): void {
  for (const [lang, table] of Object.entries(TABLES)) {
    mkdirSync(`public/_locales/${lang}`, { recursive: true });
    writeFileSync(`public/_locales/${lang}/messages.json`, `${JSON.stringify(toMessagesJson(table), null, 1)}\n`);
  }
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
    ],
    build: { outDir: firefox ? 'dist/firefox' : 'dist/chrome', emptyOutDir: true, sourcemap: false },
  };
});
