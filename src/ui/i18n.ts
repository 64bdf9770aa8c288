// Translation: one function type for the popup, the badge and the CLI. In the extension it is the
// browser's i18n.getMessage over the generated _locales (src/browser/translate.ts); the CLI and the
// fallback use the English table here. Only English is imported here: the popup must not carry the
// other languages' tables (the browser has them in _locales). All tables: tables.ts.
import { en, type MessageKey } from './messages/en.js';

export type { MessageKey };
export type Translate = (key: MessageKey, ...subs: (string | number)[]) => string;

export const SUB = /\{([1-9])\}/g;

export function fill(template: string, subs: readonly (string | number)[]): string {
  return template.replace(SUB, (_m, n: string) => String(subs[Number(n) - 1] ?? ''));
}

/** English, straight from the table (CLI, and the extension's fallback when a message is missing). */
export const english: Translate = (key, ...subs) => fill(en[key], subs);
