// Popup entry (also the "Open in tab" report page: index.html?tab=<id>). Shows the current tab's analysis
// from the background, and analyses pasted text or an .eml file right here. Wiring only; the view is
// render.ts, the strings are src/ui/messages.
import type { AnalysisSource, ExtractResult, MessageType, Request, ResponseOf, TabAnalysis } from '../background/protocol.js';
import { ext as browser } from '../browser/lite.js';
import { translateWith } from '../browser/translate.js';
import { analyze } from '../core/index.js';
import type { Analysis } from '../core/types.js';
import { jsonReport, markdownReport, saveText } from './export.js';
import { applyI18n } from './i18n-dom.js';
import { hostPatternCovers } from '../extract/host-match.js';
import { INTERNAL_RELAYS_KEY, internalFromStorage } from '../ui/internal-relays.js';
import { MAX_DRAFT_CHARS, MAX_FILE_READ_BYTES, MAX_FILE_TEXT_IN_FIELD, MAX_INPUT_CHARS } from './limits.js';
import { renderAnalysis } from './render.js';

const DRAFT_KEY = 'draft';
const t = translateWith(browser.i18n);
const doc = document;
const $ = <T extends HTMLElement>(id: string): T => {
  const node = doc.getElementById(id);
  if (node === null) throw new Error(`popup markup lacks #${id}`);
  return node as T;
};
const ui = {
  verdict: $('verdict'),
  summary: $('summary'),
  hint: $('hint'),
  warnings: $('warnings'),
  hopsHeading: $('hops-heading'),
  hops: $<HTMLOListElement>('hops'),
  exportBar: $('export'),
  exportStatus: $('export-status'),
  source: $('source'),
  paste: $<HTMLTextAreaElement>('paste'),
  pasteStatus: $('paste-status'),
  drop: $('drop'),
  file: $<HTMLInputElement>('file'),
  pageHelp: $('page-help'),
  pageHint: $('page-hint'),
  fetchSource: $<HTMLButtonElement>('fetch-source'),
  allowSite: $<HTMLButtonElement>('allow-site'),
  siteStatus: $('site-status'),
  grant: $('grant'),
};

let current: { analysis: Analysis; title: string | null } | null = null;
let tabId: number | null = null;
/** The person's own relays (options page, issue 8), read once at start; a paste waits for them. */
let internal: readonly string[] = [];
let internalRead: Promise<void> = Promise.resolve();

const mb = (chars: number) => (chars / (1024 * 1024)).toFixed(1);

function send<T extends MessageType>(message: Extract<Request, { type: T }>): Promise<ResponseOf<T>> {
  return browser.runtime.sendMessage(message) as Promise<ResponseOf<T>>;
}

function show(analysis: Analysis, source: AnalysisSource, title: string | null): void {
  current = { analysis, title };
  ui.hint.hidden = true;
  ui.verdict.hidden = false;
  ui.hopsHeading.hidden = analysis.hops.length === 0;
  ui.exportBar.hidden = analysis.error !== null;
  ui.exportStatus.textContent = '';
  ui.pageHelp.hidden = true;
  ui.source.textContent = t(source === 'page' ? 'sourcePage' : source === 'selection' ? 'sourceSelection' : 'sourcePaste');
  try {
    renderAnalysis(doc, t, analysis, { verdict: ui.verdict, summary: ui.summary, warnings: ui.warnings, hops: ui.hops });
  } catch {
    // Never a blank popup: say so, and leave the pasted text where it is.
    ui.verdict.dataset.verdict = 'unknown';
    ui.verdict.textContent = t('renderFailed');
  }
  // Time to first content, read by `npm run bench` (issue 6).
  if (performance.getEntriesByName('hoplock:first-content').length === 0) performance.mark('hoplock:first-content');
}

async function analyzeText(text: string, title: string | null): Promise<void> {
  if (text.length > MAX_INPUT_CHARS) {
    // Refused, and the text stays where it is.
    ui.pasteStatus.textContent = t('errorTooLarge', mb(text.length), mb(MAX_INPUT_CHARS));
    return;
  }
  await internalRead;
  const analysis = analyze(text, { internal });
  show(analysis, 'paste', title);
  ui.verdict.scrollIntoView({ block: 'nearest' });
  if (tabId !== null && analysis.error === null) {
    // The badge of the tab this popup belongs to shows the pasted verdict until the tab navigates.
    send({ type: 'popup:analyze-for-tab', tabId, text }).catch(() => undefined);
  }
}

// Written at once, not debounced: a popup closes the moment focus leaves it, and a pending timer dies
// with it (a paste followed by a click elsewhere was lost that way). Writes in flight are coalesced.
let draftWriting = false;
let draftPending = false;
function keepDraft(): void {
  if (draftWriting) {
    draftPending = true;
    return;
  }
  const text = ui.paste.value;
  const tooLarge = text.length > MAX_DRAFT_CHARS;
  if (tooLarge) ui.pasteStatus.textContent = t('pasteNotKept', mb(text.length));
  draftWriting = true;
  const write = tooLarge ? browser.storage.session.remove(DRAFT_KEY) : browser.storage.session.set({ [DRAFT_KEY]: text });
  write
    .catch(() => undefined)
    .finally(() => {
      draftWriting = false;
      if (draftPending) {
        draftPending = false;
        keepDraft();
      }
    });
}

/** The header block of a long file, for the text field (the analysis gets the whole read text). */
function headerPart(text: string): string {
  const end = text.search(/\r?\n\r?\n/);
  return (end < 0 ? text : text.slice(0, end)).slice(0, MAX_FILE_TEXT_IN_FIELD);
}

async function readFile(file: File): Promise<void> {
  try {
    const text = await file.slice(0, MAX_FILE_READ_BYTES).text();
    ui.paste.value = text.length > MAX_FILE_TEXT_IN_FIELD ? headerPart(text) : text;
    keepDraft();
    ui.pasteStatus.textContent = t('pasteFileRead', file.name, Math.ceil(file.size / 1024));
    await analyzeText(text, file.name);
  } catch {
    ui.pasteStatus.textContent = t('pasteFileError', file.name);
  }
}

async function copy(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    ui.exportStatus.textContent = t('copied');
  } catch {
    ui.exportStatus.textContent = t('copyFailed');
  }
}

function openHelp(topic: string): void {
  const details = doc.getElementById(`help-${topic}`);
  if (!(details instanceof HTMLDetailsElement)) return;
  details.open = true;
  details.scrollIntoView({ block: 'nearest' });
  details.querySelector('summary')?.focus();
}

async function currentTab(): Promise<number | null> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param !== null) return /^\d{1,10}$/.test(param) ? Number(param) : null;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  // Opened as a page of its own without ?tab=: there is no other tab to report on.
  if (tab?.id === undefined || (tab.url ?? '').startsWith(browser.runtime.getURL(''))) return null;
  return tab.id;
}

function wire(): void {
  $('analyze').addEventListener('click', () => void analyzeText(ui.paste.value, null));
  ui.paste.addEventListener('input', keepDraft);
  ui.paste.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void analyzeText(ui.paste.value, null);
    }
  });
  $('clear').addEventListener('click', () => {
    ui.paste.value = '';
    ui.pasteStatus.textContent = '';
    keepDraft();
    ui.paste.focus();
  });
  ui.file.addEventListener('change', () => {
    const f = ui.file.files?.[0];
    if (f) void readFile(f);
    ui.file.value = '';
  });
  ui.drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    ui.drop.classList.add('drag');
  });
  ui.drop.addEventListener('dragleave', () => ui.drop.classList.remove('drag'));
  ui.drop.addEventListener('drop', (e) => {
    e.preventDefault();
    ui.drop.classList.remove('drag');
    const f = e.dataTransfer?.files?.[0];
    if (f) void readFile(f);
  });
  $('copy-md').addEventListener('click', () => current && void copy(markdownReport(current.analysis, current.title, t)));
  $('copy-json').addEventListener('click', () => current && void copy(jsonReport(current.analysis)));
  $('save-json').addEventListener('click', () => current && saveText(doc, jsonReport(current.analysis), 'hoplock-report.json', 'application/json'));
  $('open-tab').addEventListener('click', () => {
    const url = browser.runtime.getURL(`src/popup/index.html${tabId !== null ? `?tab=${tabId}` : ''}`);
    void browser.tabs.create({ url }).then(() => window.close());
  });
  ui.fetchSource.addEventListener('click', () => {
    if (tabId === null) return;
    ui.fetchSource.disabled = true;
    send({ type: 'popup:fetch-source', tabId })
      .then((kept) => {
        if (kept !== null) show(kept.analysis, kept.source, null);
        else ui.siteStatus.textContent = t('noHeadersFound');
      })
      .catch(() => {
        ui.siteStatus.textContent = t('noHeadersFound');
      })
      .finally(() => {
        ui.fetchSource.disabled = false;
      });
  });
  doc.addEventListener('click', (e) => {
    const link = (e.target as Element | null)?.closest?.('a.help-link');
    if (link instanceof HTMLAnchorElement && link.dataset.help) {
      e.preventDefault();
      openHelp(link.dataset.help);
    }
  });
}

async function start(): Promise<void> {
  doc.documentElement.lang = browser.i18n.getUILanguage();
  applyI18n(doc, t);
  if (new URLSearchParams(location.search).has('tab')) doc.body.classList.add('page');
  // The reads below run side by side: one after another they held the tab's analysis back by a round trip
  // each. A paste waits for the relay list (analyzeText), never analyses without it.
  internalRead = browser.storage.sync.get(INTERNAL_RELAYS_KEY).then(
    (synced) => {
      internal = internalFromStorage(synced[INTERNAL_RELAYS_KEY]);
    },
    () => undefined,
  );
  wire();
  void browser.storage.session.get(DRAFT_KEY).then((stored) => {
    const draft = stored[DRAFT_KEY];
    if (typeof draft === 'string' && ui.paste.value === '') ui.paste.value = draft;
  }, () => undefined);
  tabId = await currentTab().catch(() => null);
  void offerHostAccess();
  let kept: TabAnalysis | null = null;
  if (tabId !== null) kept = await send({ type: 'popup:get-analysis', tabId }).catch(() => null);
  if (kept !== null) {
    show(kept.analysis, kept.source, null);
    return;
  }
  // Nothing kept for this tab: read the page now (the toolbar click granted activeTab).
  const found = tabId === null ? null : await send({ type: 'popup:extract-tab', tabId }).catch(() => null);
  if (found?.kept) show(found.kept.analysis, found.kept.source, null);
  else if (found !== null && found.origin !== null) explainNoHeaders(found);
  else ui.hint.hidden = false;
}

/** The known webmails' hosts, as the manifest grants them (src/extract/hosts.ts made that list). */
function automaticHosts(): string[] {
  return browser.runtime.getManifest().host_permissions ?? [];
}

/** "No headers found on this page", where this webmail's raw view is, and what can be done from here. */
function explainNoHeaders(found: ExtractResult): void {
  ui.pageHelp.hidden = false;
  ui.pageHint.textContent = found.hint !== null ? t(found.hint) : '';
  ui.fetchSource.hidden = !found.canFetchSource;
  const origin = found.origin;
  // Known webmails are read by themselves (manifest); any other site only where the person allows it.
  if (origin !== null && !automaticHosts().some((h) => hostPatternCovers(h, origin))) {
    ui.allowSite.hidden = false;
    ui.allowSite.textContent = t('alwaysOnSite', new URL(origin).host);
    ui.allowSite.onclick = () => {
      // permissions.request must run in the click itself (a user gesture), before any await.
      browser.permissions.request({ origins: [`${origin}/*`] }).then(async (granted) => {
        if (!granted || tabId === null) return;
        await send({ type: 'popup:register-site', origin });
        ui.siteStatus.textContent = t('alwaysOnSiteDone', new URL(origin).host);
        ui.allowSite.hidden = true;
      }, () => undefined);
    };
  }
}

/** Firefox leaves MV3 host access ungranted at install: say so, and ask with one click. */
async function offerHostAccess(): Promise<void> {
  const hosts = automaticHosts();
  const granted = await browser.permissions.contains({ origins: hosts }).catch(() => true);
  if (granted) return;
  ui.grant.hidden = false;
  $('grant-hosts').addEventListener('click', () => {
    browser.permissions.request({ origins: hosts }).then((ok) => {
      if (ok) ui.grant.hidden = true;
    }, () => undefined);
  });
}

void start();
