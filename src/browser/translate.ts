// Translate through the browser's i18n (the person's UI language, _locales generated from src/ui/messages).
// Falls back to the English table when the browser has no such message, so a string is never blank.
import { english, type Translate } from '../ui/i18n.js';

export function translateWith(i18n: { getMessage(key: string, subs?: string[]): string }): Translate {
  return (key, ...subs) => {
    const text = i18n.getMessage(key, subs.map(String));
    return text !== '' ? text : english(key, ...subs);
  };
}
