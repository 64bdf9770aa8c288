// One config, two browsers: `vite build` writes dist/chrome, `vite build --mode firefox` dist/firefox.
import { crx } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import { chromeManifest, firefoxManifest } from './manifest.config.js';

export default defineConfig(({ mode }) => {
  const firefox = mode === 'firefox';
  return {
    plugins: [crx({ manifest: firefox ? firefoxManifest : chromeManifest, browser: firefox ? 'firefox' : 'chrome' })],
    build: { outDir: firefox ? 'dist/firefox' : 'dist/chrome', emptyOutDir: true, sourcemap: false },
  };
});
