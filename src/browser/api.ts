// The one module that imports webextension-polyfill (STYLE.md "One browser facade"). Everything that
// talks to the browser goes through `browser` from here, so tests replace this module alone.
import browser from 'webextension-polyfill';

export { browser };
export type { Runtime, Tabs } from 'webextension-polyfill';
