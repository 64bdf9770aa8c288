import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // A crxjs `?iife` import is the built script's file name; under vitest it would run the content script
  // itself (which needs a page), so tests get a name instead.
  resolve: { alias: [{ find: /^.*\?iife$/, replacement: fileURLToPath(new URL('./test/stubs/script-url.ts', import.meta.url)) }] },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    env: { TZ: 'UTC' },
  },
});
