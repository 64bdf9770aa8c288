// Shared by the real-browser suites: where the builds and browsers are, the samples and what the popup must
// show for them, the popup's test hooks, and the screenshot folder. A missing browser or build is an error
// with an install hint, never a skip.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/core/index.js';
import type { MessageKey } from '../../src/ui/i18n.js';
import { fill } from '../../src/ui/i18n.js';
import { TABLES, translator } from '../../src/ui/tables.js';
import { verdictText } from '../../src/ui/verdict.js';

export const ROOT = new URL('../..', import.meta.url).pathname;
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');

/** Generous: a cold browser on a loaded 2-core machine; the suites normally take seconds. */
export const SUITE_TIMEOUT = 90_000;
/** How long to poll for something the extension does asynchronously (render, badge). */
export const POLL = { timeout: 10_000, interval: 100 };

export const CHROMIUM = process.env.HOPLOCK_CHROMIUM ?? '/usr/bin/chromium';
export const FIREFOX = process.env.HOPLOCK_FIREFOX ?? '/usr/bin/firefox-esr';

const HINT = {
  chromium: `Chromium not found at ${CHROMIUM}. Install it (Debian): apt-get update && apt-get install -y chromium ` + '(.ci/run does this), or point HOPLOCK_CHROMIUM at a Chromium binary.',
  firefox: `Firefox ESR not found at ${FIREFOX}. Install it (Debian): apt-get update && apt-get install -y firefox-esr ` + '(.ci/run does this), or point HOPLOCK_FIREFOX at a Firefox binary.',
};

/** Throws (failing the test) when the browser binary is missing. */
export function requireBrowser(which: 'chromium' | 'firefox'): string {
  const path = which === 'chromium' ? CHROMIUM : FIREFOX;
  if (!existsSync(path)) throw new Error(HINT[which]);
  return path;
}

export interface BuiltExtension {
  dir: string;
  /** Path of the popup page inside the extension, from the manifest (src/popup/index.html). */
  popupPath: string;
  version: string;
}

/** The build in dist/<browser>; throws with a hint when it is missing. */
/** The built extension in dist/<which>, or in `dir` (the bench loads a copy with a page of its own added). */
export function requireBuild(which: 'chrome' | 'firefox', dir = join(ROOT, 'dist', which)): BuiltExtension {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(`${manifestPath} is missing: build first (npx vite build${which === 'firefox' ? ' --mode firefox' : ''}, or npm run build; npm test builds it).`);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string; action?: { default_popup?: string } };
  const popupPath = manifest.action?.default_popup;
  if (popupPath === undefined) throw new Error(`${manifestPath} has no action.default_popup`);
  return { dir, popupPath, version: manifest.version };
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, name);
}

// The popup's stable test hooks.
export const SEL = {
  paste: '[data-testid="paste-input"]',
  analyze: '[data-testid="analyze-button"]',
  file: '[data-testid="file-input"]',
  verdict: '[data-testid="verdict"]',
  hop: '[data-testid="hop"]',
} as const;

export type Verdict = 'encrypted' | 'partial' | 'plaintext' | 'unknown';

export interface Sample {
  file: string;
  /** The whole message. */
  text: string;
  /** Only the header block (up to the first empty line), as a person would paste it. */
  headers: string;
  verdict: Verdict;
  /** data-transport of hop 1, 2, ... (transit order, sender first). */
  transports: string[];
}

function sample(name: string, verdict: Verdict, transports: string[]): Sample {
  const file = join(ROOT, 'samples', name);
  const text = readFileSync(file, 'utf8');
  const end = text.search(/\r?\n\r?\n/);
  return { file, text, headers: end < 0 ? text : text.slice(0, end + 1), verdict, transports };
}

/** Five hops: TLS 1.3 submission and relay, then three internal hops at the recipient. */
export const ENCRYPTED = sample('encrypted-chain.eml', 'encrypted', ['encrypted', 'encrypted', 'internal', 'internal', 'internal']);
/** Three hops: two plaintext upstream, TLS 1.2 into the recipient's provider. */
export const PARTIAL = sample('partial-plaintext.eml', 'partial', ['plaintext', 'plaintext', 'encrypted']);

/** The badge text and title the background must set for this text, from the i18n tables. */
export function expectedBadge(text: string, lang: 'en' | 'de'): { text: string; title: string } {
  const a = analyze(text);
  const key = `badge${a.verdict[0]?.toUpperCase()}${a.verdict.slice(1)}` as MessageKey;
  const table = TABLES[lang];
  return { text: table[key], title: fill(table.badgeTitle, [verdictText(a, translator(lang))]) };
}

/** Polls `read` until it returns a value (not undefined), or throws with the last error. */
export async function retry<T>(read: () => Promise<T | undefined>, what: string, timeoutMs = POLL.timeout): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await read();
      if (v !== undefined) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}${last === undefined ? '' : `: ${String(last)}`}`);
    await new Promise((r) => setTimeout(r, POLL.interval));
  }
}

/** Text as it stands inside HTML served by a fixture page (`<pre>` of a raw view). */
export function htmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
