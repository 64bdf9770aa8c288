// Hoplock's core: pure TypeScript, no DOM, no browser, no Node built-ins (DESIGN.md "Layers").
export { analyze } from './analyze.js';
export { ALL_RULES } from './rules/index.js';
export type { Rule } from './rules/rule.js';
export type * from './types.js';
