// Every language's table, for the build (vite.config.ts writes _locales from them) and for tests.
import { fill, SUB, type MessageKey, type Translate } from './i18n.js';
import { de } from './messages/de.js';
import { en } from './messages/en.js';

export const TABLES: Record<'en' | 'de', Record<MessageKey, string>> = { en, de };

/** A Translate over one of the tables. */
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
