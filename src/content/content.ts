// Content script: on the raw views of the known webmails (automatic mode, manifest content_scripts), on a
// site the person allowed (registerContentScripts), and in any tab when the toolbar button asks (activeTab,
// scripting.executeScript). Reports header text to the background when it appears, changes or goes away,
// so the badge never shows a stale verdict in single-page webmails. Reads the page; never changes it.
import { ext } from '../browser/lite.js';
import { fetchSource, type PageScan, scanPage } from './scan.js';

interface Hoplock {
  scan(): PageScan;
  fetchSource(): Promise<string | null>;
}

const g = globalThis as { __hoplock?: Hoplock };

/** Mutations settle for this long before the page is read again (webmail UIs mutate in bursts). */
const SETTLE_MS = 400;

if (g.__hoplock === undefined) {
  let reported: string | null = null;
  let lastUrl = location.href;

  const report = (): void => {
    const scan = scanPage(document, location.href);
    if (scan.text !== null && scan.text !== reported) {
      reported = scan.text;
      ext.runtime.sendMessage({ type: 'content:headers-found', text: scan.text, url: scan.url }).catch(() => undefined);
    } else if (scan.text === null && reported !== null) {
      reported = null;
      ext.runtime.sendMessage({ type: 'content:no-headers', url: scan.url }).catch(() => undefined);
    }
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  const soon = (): void => {
    clearTimeout(timer);
    timer = setTimeout(report, SETTLE_MS);
  };
  new MutationObserver(soon).observe(document, { childList: true, subtree: true, characterData: true });
  // In-app navigation to another message changes the URL, sometimes before the DOM settles.
  setInterval(() => {
    if (location.href !== lastUrl) {
      lastUrl = location.href;
      soon();
    }
  }, 1000);

  g.__hoplock = { scan: () => scanPage(document, location.href), fetchSource: () => fetchSource(document, location.href) };
  report();
}
