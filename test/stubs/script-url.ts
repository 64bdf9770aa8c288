// Under vitest, `import file from './x.ts?iife'` (crxjs: the built script's file name) would run the
// script itself; tests get this name instead (vite.config.ts `test.alias`).
export default 'content-script.js';
