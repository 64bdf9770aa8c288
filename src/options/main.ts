// Options page: "Your own relays" (issue 8). The person's list is checked by src/ui/internal-list.ts; with
// any problem nothing is saved and each problem is listed next to the text area with its line number (a
// button that selects that line). Saved: the entries in storage.sync (the popup and the background read them
// from there), the text as written, comments included, in storage.local (shown again here).
import { ext as browser } from '../browser/lite.js';
import { translateWith } from '../browser/translate.js';
import { el } from '../popup/dom.js';
import { applyI18n } from '../popup/i18n-dom.js';
import {
  INTERNAL_RELAYS_KEY,
  INTERNAL_TEXT_KEY,
  type InternalList,
  type InternalListError,
  type InternalListReason,
  internalFromStorage,
  MAX_INTERNAL_ENTRIES,
  MAX_INTERNAL_LINE_CHARS,
  MIN_V4_PREFIX,
  MIN_V6_PREFIX,
  parseInternalList,
  SYNC_ITEM_MAX_BYTES,
  storedBytes,
} from '../ui/internal-list.js';

/** Problems listed one by one; the rest become "And N more" (a pasted log must not become 10,000 items). */
const SHOWN_PROBLEMS = 20;
/** Re-check while the person fixes the listed lines, once typing pauses. */
const RECHECK_MS = 300;

const SUBS: Partial<Record<InternalListReason, (string | number)[]>> = {
  internalErrorTooLong: [MAX_INTERNAL_LINE_CHARS],
  internalErrorTooMany: [MAX_INTERNAL_ENTRIES],
  internalErrorTooBroad: [MIN_V4_PREFIX, MIN_V6_PREFIX],
};

const t = translateWith(browser.i18n);
const doc = document;
const $ = <T extends HTMLElement>(id: string): T => {
  const node = doc.getElementById(id);
  if (node === null) throw new Error(`options markup lacks #${id}`);
  return node as T;
};
const ui = {
  input: $<HTMLTextAreaElement>('internal'),
  problems: $('internal-problems'),
  save: $<HTMLButtonElement>('save'),
  status: $('status'),
};
const problemList = ui.problems.querySelector('ul') as HTMLUListElement;

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

function setStatus(text: string, error: boolean): void {
  ui.status.textContent = text;
  ui.status.classList.toggle('error', error);
}

/** Selects line `line` (1-based) in the text area, so the person lands on what to fix. */
function selectLine(line: number): void {
  const lines = ui.input.value.split('\n'); // a text area's value always uses \n
  let start = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) start += (lines[i] as string).length + 1;
  ui.input.focus();
  ui.input.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
}

function problemItem(p: InternalListError): HTMLLIElement {
  const jump = el(doc, 'button', { type: 'button', class: 'link', 'data-line': String(p.line) }, t('internalProblemLine', p.line));
  jump.addEventListener('click', () => selectLine(p.line));
  return el(doc, 'li', { 'data-testid': 'internal-problem' }, jump, ': ', t(p.reason, ...(SUBS[p.reason] ?? [])), el(doc, 'code', {}, p.text));
}

function showProblems(problems: readonly InternalListError[]): void {
  ui.problems.hidden = problems.length === 0;
  ui.input.setAttribute('aria-invalid', String(problems.length > 0));
  const more = problems.length - SHOWN_PROBLEMS;
  problemList.replaceChildren(...problems.slice(0, SHOWN_PROBLEMS).map(problemItem), ...(more > 0 ? [el(doc, 'li', {}, t('internalProblemsMore', more))] : []));
}

let saving = false;
async function save(): Promise<void> {
  if (saving) return;
  const text = ui.input.value;
  const { entries, errors } = parseInternalList(text);
  showProblems(errors);
  if (errors.length > 0) {
    setStatus(t('internalNotSaved', errors.length), true);
    return;
  }
  const bytes = storedBytes(entries);
  if (bytes > SYNC_ITEM_MAX_BYTES) {
    setStatus(t('internalTooLargeToSync', bytes, SYNC_ITEM_MAX_BYTES), true);
    return;
  }
  saving = true;
  try {
    await browser.storage.sync.set({ [INTERNAL_RELAYS_KEY]: entries });
    await browser.storage.local.set({ [INTERNAL_TEXT_KEY]: text });
    setStatus(t('internalSaved', entries.length), false);
  } catch (e) {
    setStatus(t('internalSaveFailed', messageOf(e)), true);
  } finally {
    saving = false;
  }
}

const sameEntries = (list: InternalList, entries: readonly string[]): boolean =>
  list.errors.length === 0 && list.entries.length === entries.length && list.entries.every((e, i) => e === entries[i]);

/** The saved list: as written here, or (changed on another device, or no text kept) one entry per line. */
async function load(): Promise<void> {
  try {
    const [synced, local] = await Promise.all([browser.storage.sync.get(INTERNAL_RELAYS_KEY), browser.storage.local.get(INTERNAL_TEXT_KEY)]);
    const entries = internalFromStorage(synced[INTERNAL_RELAYS_KEY]);
    const text = local[INTERNAL_TEXT_KEY];
    // Typed before the list arrived: keep what the person typed.
    if (ui.input.value !== '') return;
    ui.input.value = typeof text === 'string' && sameEntries(parseInternalList(text), entries) ? text : entries.join('\n');
  } catch (e) {
    setStatus(t('internalLoadFailed', messageOf(e)), true);
  }
}

function wire(): void {
  ui.save.addEventListener('click', () => void save());
  let recheck: ReturnType<typeof setTimeout> | undefined;
  ui.input.addEventListener('input', () => {
    setStatus('', false);
    // Once problems are listed, the list follows the fixes; before the first Save nobody is told off.
    if (ui.problems.hidden) return;
    clearTimeout(recheck);
    recheck = setTimeout(() => showProblems(parseInternalList(ui.input.value).errors), RECHECK_MS);
  });
  ui.input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void save();
    }
  });
}

doc.documentElement.lang = browser.i18n.getUILanguage();
applyI18n(doc, t);
doc.title = t('optionsTitle');
wire();
void load();
