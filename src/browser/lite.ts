// The extension APIs for the popup and content scripts, without webextension-polyfill: in MV3 Chrome's
// `chrome.*` returns promises like Firefox's `browser.*` for every call these pages make, and the polyfill
// would be a tenth of the popup's 120 KB budget. The background keeps the polyfill (api.ts) for its
// onMessage listener, whose promise-returning form Chrome does not support natively everywhere.
import type { Browser } from 'webextension-polyfill';

const g = globalThis as { browser?: Browser; chrome?: Browser };

/** `browser` in Firefox, `chrome` in Chrome; typed as the promise-based API. */
export const ext: Browser = (g.browser ?? g.chrome) as Browser;
