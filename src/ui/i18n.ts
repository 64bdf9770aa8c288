// Translation: one function type for the popup, the badge and the CLI. In the extension it is the
// browser's i18n.getMessage over the generated _locales; elsewhere it reads the tables directly.
import { de } from './messages/de.js';
import { en, type MessageKey } from './messages/en.js';

export type { MessageKey };
export type Translate = (key: MessageKey, ...subs: (string | number)[]) => string;

export const TABLES: Record<'en' | 'de', Record<MessageKey, string>> = { en, de };

const SUB = /\{([1-9])\}/g;

export function fill(template: string, subs: readonly (string | number)[]): string {
  return template.replace(SUB, (_m, n: string) => String(subs[Number(n) - 1] ?? ''));
}

/** A Translate over one of the tables (CLI, tests). */
export function translator(lang: 'en' | 'de'): Translate {
  const table = TABLES[lang];
  return (key, ...subs) => fill(table[key], subs);
}

/**
 * The table as Chrome/Firefox messages.json: `{1}` becomes a named placeholder `$P1$` with content `$1`
 * (positional `$1` in a message is not portable across browsers).
 */
export function toMessagesJson(table: Record<string, string>): Record<string, { message: string; placeholders?: Record<string, { content: string }> }> {
  const out: Record<string, { message: string; placeholders?: Record<string, { content: string }> }> = {};
  for (const [key, text] of Object.entries(table)) {
    const placeholders: Record<string, { content: string }> = {};
    // A literal $ must be doubled in messages.json.
    const message = text.replace(/\$/g, '$$$$').replace(SUB, (_m, n: string) => {
      placeholders[`p${n}`] = { content: `$${n}` };
      return `$P${n}$`;
    });
    out[key] = Object.keys(placeholders).length > 0 ? { message, placeholders } : { message };
  }
  return out;
}
