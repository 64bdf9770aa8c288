// Part 2: the popup's time to first content in Debian's Chromium, for a tab whose 30-hop analysis the
// background keeps. Each round opens popup/index.html?tab=<id> as a fresh page.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticChain } from './inputs.js';
import { type Report, ms } from './report.js';
import { median } from './measure.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const HOPS = 30;
const ROUNDS = 15;
const MARK = 'hoplock:first-content';

/**
 * The floor: a page of the same extension with one module script and nothing else, which sets the same mark
 * as its first statement. What a fresh extension page costs this browser on this machine before any of
 * Hoplock's code runs; the popup's figure minus this one is Hoplock's own part. Added to a copy of
 * dist/chrome, never to the build.
 */
const FLOOR_PAGE = 'bench-floor.html';
const FLOOR_FILES: Record<string, string> = {
  [FLOOR_PAGE]: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title><script type="module" src="/bench-floor.js"></script></head><body><p>floor</p></body></html>',
  'bench-floor.js': `performance.mark('${MARK}');`,
};

/** dist/chrome copied to a temporary directory, with the floor page added. */
function extensionWithFloor(dist: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'hoplock-bench-ext-'));
  cpSync(dist, dir, { recursive: true });
  for (const [name, text] of Object.entries(FLOOR_FILES)) writeFileSync(join(dir, name), text);
  return dir;
}

/** The globals the bench's page functions touch (they run in the extension page, not here). */
interface PageGlobals {
  chrome: { runtime: { sendMessage(m: object): Promise<unknown> } };
  __benchHopsAt?: number;
}

/**
 * Injected before the popup's own scripts: notes performance.now() when the Nth hop element appears, the
 * fallback when the popup sets no `hoplock:first-content` mark. A string, not a function: tsx would wrap
 * the function's inner closures in its `__name` helper, which does not exist in the page.
 */
const watchHops = (n: number) => `(() => {
  const observer = new MutationObserver(() => {
    if (globalThis.__benchHopsAt === undefined && document.querySelectorAll('[data-testid="hop"]').length >= ${n}) {
      globalThis.__benchHopsAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

/** The newest modification time of any file under `dir`. */
function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) t = Math.max(t, statSync(join(e.parentPath ?? e.path, e.name)).mtimeMs);
  }
  return t;
}

export async function benchPopup(r: Report): Promise<void> {
  r.heading(`2. Popup: time to first content, ${HOPS}-hop analysis, Chromium`);
  if (!existsSync('/usr/bin/chromium') && process.env.HOPLOCK_CHROMIUM === undefined) {
    r.para('Not measured: Chromium is missing (Debian: `apt-get install -y chromium`, or set HOPLOCK_CHROMIUM).');
    return;
  }
  if (!existsSync(join(ROOT, 'dist/chrome/manifest.json'))) {
    console.log('dist/chrome is missing: npx vite build');
    const b = spawnSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (b.status !== 0) {
      r.para('Not measured: `npx vite build` failed.');
      return;
    }
  }
  const built = statSync(join(ROOT, 'dist/chrome/manifest.json')).mtimeMs;
  if (newest(join(ROOT, 'src')) > built) r.para('Note: dist/chrome is older than src/: this measures the last build (`npx vite build` to refresh it).');
  // Imported here, after part 1: the test helpers load src/ through tsx, which part 1 must not share.
  const { launchChromium, openFixtureTab, openPopup } = await import('../../test/browser/chromium.js');
  const extensionDir = extensionWithFloor(join(ROOT, 'dist/chrome'));
  const s = await launchChromium({ extensionDir });
  try {
    const { tabId } = await openFixtureTab(s, '/bench-inbox');
    const sender = await openPopup(s);
    const text = syntheticChain(HOPS);
    await sender.evaluate(
      ({ tabId, text }) => (globalThis as unknown as PageGlobals).chrome.runtime.sendMessage({ type: 'popup:analyze-for-tab', tabId, text }),
      { tabId, text },
    );
    await sender.close();

    const url = `${s.popupUrl}?tab=${tabId}`;
    const marks: number[] = [];
    const observed: number[] = [];
    let late = 0;
    const dcl: number[] = [];
    const floor: number[] = [];
    const floorUrl = `chrome-extension://${s.extensionId}/${FLOOR_PAGE}`;
    for (let i = 0; i <= ROUNDS; i++) {
      // The floor page first in each round, so both see the browser in the same state.
      const bare = await s.ctx.newPage();
      await bare.goto(floorUrl);
      await bare.waitForFunction((name) => performance.getEntriesByName(name).length > 0, MARK, { timeout: 15_000 });
      const floorMark = await bare.evaluate((name) => (performance.getEntriesByName(name)[0] as PerformanceEntry).startTime, MARK);
      await bare.close();
      if (i > 0) floor.push(floorMark);
      const page = await s.ctx.newPage();
      await page.addInitScript(watchHops(HOPS));
      await page.goto(url);
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="hop"]').length >= n, HOPS, { timeout: 15_000 });
      const got = await page.evaluate((name) => {
        const entry = performance.getEntriesByName(name)[0];
        const at = (globalThis as unknown as PageGlobals).__benchHopsAt;
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        return { mark: entry === undefined ? null : entry.startTime, observed: at ?? performance.now(), late: at === undefined, dcl: nav?.domContentLoadedEventEnd ?? null };
      }, MARK);
      await page.close();
      if (process.env.BENCH_DEBUG) console.log(got);
      if (i === 0) continue; // warm-up: the first page also loads the extension's code cache
      if (got.mark !== null) marks.push(got.mark);
      observed.push(got.observed);
      if (got.late) late++;
      if (got.dcl !== null) dcl.push(got.dcl);
    }
    const useMark = marks.length === ROUNDS;
    const values = useMark ? marks : observed;
    const how = useMark
      ? `the popup's \`performance.mark('${MARK}')\` (startTime, from navigation start)`
      : `fallback: no \`${MARK}\` mark in the popup yet, so performance.now() when the ${HOPS}th \`[data-testid=hop]\` element appeared (a MutationObserver injected before the popup's scripts)`;
    r.table(
      ['measure', 'median ms', 'min', 'max', 'aim'],
      [
        [`popup/index.html?tab=<id>, ${ROUNDS} fresh opens after 1 warm-up`, ms(median(values)), ms(Math.min(...values)), ms(Math.max(...values)), '< 50 ms (not asserted)'],
        [`floor: an empty page of the same extension, one module script`, ms(median(floor)), ms(Math.min(...floor)), ms(Math.max(...floor)), '-'],
        [`Hoplock's own part (popup − floor, medians)`, ms(median(values) - median(floor)), '', '', ''],
      ],
    );
    r.para(
      `The floor is what this browser takes, on this machine, to open any extension page and run its first statement; no popup can mark before it. ` +
        `Hoplock's own part is its code's loading, the round trip to the background for the kept analysis, and the render of ${HOPS} hops.`,
    );
    r.para(`Measured with ${how}.`);
    if (!useMark && late > 0) r.para(`In ${late} of ${ROUNDS} opens the observer did not run: performance.now() after waitForFunction was used there (later than the render).`);
    if (useMark) r.para(`For comparison, the ${HOPS}th hop element appeared at ${ms(median(observed))} ms (median).`);
    if (dcl.length > 0) r.para(`Of that, the page's DOMContentLoaded ended at ${ms(median(dcl))} ms (median); the rest is the popup's start-up, the round trip to the background and the render.`);
  } finally {
    await s.close();
    rmSync(extensionDir, { recursive: true, force: true });
  }
}
