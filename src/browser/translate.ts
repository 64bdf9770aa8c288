// Translate through the browser's i18n (the person's UI language, _locales generated from src/ui/messages).
// The generated _locales hold every key in every language (a missing German key is a type error), so no
// fallback table is shipped to the pages: it would be a tenth of the popup's size budget. A key the
// browser does not know shows as the key itself, never as a blank.
import type { Translate } from '../ui/i18n.js';

export function translateWith(i18n: { getMessage(key: string, subs?: string[]): string }): Translate {
  return (key, ...subs) => {
    const text = i18n.getMessage(key, subs.map(String));
    return text !== '' ? text : `${key}${subs.length > 0 ? ` ${subs.join(' ')}` : ''}`;
  };
}


