// Translate through the browser's i18n (the person's UI language, _locales generated from src/ui/messages).
// Falls back to the English table when the browser has no such message, so a string is never blank.
import { type Translate, translator } from '../ui/i18n.js';
import { browser } from './api.js';

const english = translator('en');

export const browserTranslate: Translate = (key, ...subs) => {
  const text = browser.i18n.getMessage(key, subs.map(String));
  return text !== '' ? text : english(key, ...subs);
};
