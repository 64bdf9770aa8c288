// Splits a tokenized Received value into its clauses (RFC 5321 §4.4: from, by, via, with, id, for) and
// the date after the last `;`. Real servers bend the grammar; each bend handled here is quoted.
import { MAX_RECEIVED_CHARS } from '../limits.js';
import { type DateResult, isMonthWord, isWeekdayWord, parseMailDate } from '../dates.js';
import { isRegExpSpace, spellsAt } from '../text.js';
import { type Token, tokenize } from './tokenize.js';

export type ClauseKey = 'from' | 'by' | 'via' | 'with' | 'id' | 'for';
/** Where a token stands: before any clause word (qmail's `(qmail 1 invoked by uid 2)`), in a clause, or
 * after the date (Yandex writes its TLS comment there). */
export type Place = 'pre' | ClauseKey | 'date';

export interface Clause {
  key: ClauseKey;
  /** Token index of the clause word. */
  keyword: number;
  /** Token indexes [start, end) after the clause word. */
  start: number;
  end: number;
}

export interface ParsedReceived {
  value: string;
  tokens: Token[];
  /** Where each token stands. */
  places: Place[];
  clauses: Partial<Record<ClauseKey, Clause>>;
  /** Token index where the date region starts (the token after its `;`), or -1. */
  dateStart: number;
  dateText: string | null;
  date: DateResult | null;
  unbalanced: boolean;
  truncated: boolean;
}

const CLAUSE_KEYS: readonly ClauseKey[] = ['from', 'by', 'via', 'with', 'id', 'for'];

/** The index in CLAUSE_KEYS of the clause word a token spells in any case, or -1. Compared by character
 * code: lower-casing every word for a map lookup was a tenth of the parse (node 22, measured). */
function clauseIndex(value: string, t: Token): number {
  if (t.kind !== 'word') return -1;
  // Read in the value, so that the word's own text is never cut out.
  const at = t.start;
  switch (t.end - at) {
    case 2:
      return spellsAt(value, at, 'by') ? 1 : spellsAt(value, at, 'id') ? 4 : -1;
    case 3:
      return spellsAt(value, at, 'via') ? 2 : spellsAt(value, at, 'for') ? 5 : -1;
    case 4:
      return spellsAt(value, at, 'from') ? 0 : spellsAt(value, at, 'with') ? 3 : -1;
    default:
      // Lower-casing never shortens a word, and only U+0130 lengthens one, into a non-ASCII pair.
      return -1;
  }
}

/** Could the tokens from i on start a date? `Tue, 16 Sep`, `16 Sep`, `2024-01-02 15:04:05 +0000 UTC`. */
function looksLikeDateStart(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (t === undefined || t.kind !== 'word') return false;
  if (isWeekdayWord(t.text)) return true;
  if (/^\d{4}-\d{2}-\d{2}/.test(t.text)) return true;
  const u = tokens[i + 1];
  return /^\d{1,2}$/.test(t.text) && u !== undefined && u.kind === 'word' && isMonthWord(u.text);
}

/** Text of the date region: its words and a zone comment like `(CEST)`, up to the next `;` or comment. */
function dateRegionText(value: string, tokens: Token[], start: number): string {
  let end = start;
  while (end < tokens.length) {
    const t = tokens[end] as Token;
    if (t.kind === 'semi') break;
    if (t.kind === 'comment' && !isZoneName(value, t.start + 1, t.end - 1)) break;
    end++;
  }
  if (end === start) return '';
  return value.slice((tokens[start] as Token).start, (tokens[end - 1] as Token).end);
}

/** Is value[start, end), white space trimmed, one to six ASCII letters (`CEST`)? As
 * `/^[A-Za-z]{1,6}$/.test(text.trim())`, read in place. */
function isZoneName(value: string, start: number, end: number): boolean {
  let a = start;
  let b = end;
  while (a < b && isRegExpSpace(value.charCodeAt(a))) a++;
  while (b > a && isRegExpSpace(value.charCodeAt(b - 1))) b--;
  if (b === a || b - a > 6) return false;
  for (let k = a; k < b; k++) {
    const c = value.charCodeAt(k) | 0x20;
    if (c < 0x61 || c > 0x7a) return false; // A-Z, a-z
  }
  return true;
}

function findDate(value: string, tokens: Token[]): { start: number; text: string; result: DateResult } | null {
  // The date follows the last `;` whose tail reads as a date. Host Europe's Exim writes a `;` inside the
  // from part: `from [2a02:8108:...]; authenticated by wp530.webpack.hosteurope.de running ExIM with esmtpsa`.
  let fallback: { start: number; text: string; result: DateResult } | null = null;
  for (let i = tokens.length - 1; i >= 0; i--) {
    if ((tokens[i] as Token).kind !== 'semi') continue;
    const text = dateRegionText(value, tokens, i + 1);
    if (text === '') continue;
    const result = parseMailDate(text);
    if (result.ok) return { start: i + 1, text, result };
    if (fallback === null && looksLikeDateStart(tokens, i + 1)) fallback = { start: i + 1, text, result };
  }
  if (fallback !== null) return fallback;
  // No `;`: some writers end with the date directly (`... with HTTP Tue, 16 Sep 2025 12:26:17 +0200`).
  for (let i = Math.max(1, tokens.length - 9); i < tokens.length; i++) {
    if (!looksLikeDateStart(tokens, i)) continue;
    const text = dateRegionText(value, tokens, i);
    const result = parseMailDate(text);
    if (result.ok) return { start: i, text, result };
  }
  return null;
}

export function parseReceived(input: string): ParsedReceived {
  const truncated = input.length > MAX_RECEIVED_CHARS;
  const value = truncated ? input.slice(0, MAX_RECEIVED_CHARS) : input;
  const { tokens, unbalanced } = tokenize(value);
  const found = findDate(value, tokens);
  const dateStart = found === null ? -1 : found.start;
  const clauseEnd = found === null ? tokens.length : found.start - 1 >= 0 && tokens[found.start - 1]?.kind === 'semi' ? found.start - 1 : found.start;

  const places: Place[] = new Array(tokens.length);
  // By index in CLAUSE_KEYS; the object is built at the end with every key, so it has one shape.
  const byIndex: (Clause | undefined)[] = [undefined, undefined, undefined, undefined, undefined, undefined];
  let current: Clause | null = null;
  let place: Place = 'pre';
  for (let i = 0; i < clauseEnd; i++) {
    const t = tokens[i] as Token;
    const k = clauseIndex(value, t);
    // A clause word starts a clause once; a repeat is an ordinary word (Microsoft: `with Microsoft SMTP
    // Server`, Mimecast: `with ESMTP with STARTTLS`). The token right after `from` or `by` is always that
    // clause's host, even if it spells a clause word (a HELO of `by`).
    const isHostSlot = current !== null && (current.key === 'from' || current.key === 'by') && i === current.start;
    // `with` followed directly by `id` or another clause word has no protocol: Tencent QQ writes
    // `by bizesmtp.qq.com (ESMTP) with \n id ;`.
    if (k !== -1 && byIndex[k] === undefined && !isHostSlot) {
      const key = CLAUSE_KEYS[k] as ClauseKey;
      if (current !== null) current.end = i;
      current = { key, keyword: i, start: i + 1, end: clauseEnd };
      byIndex[k] = current;
      place = key;
    }
    places[i] = place;
  }
  for (let i = clauseEnd; i < tokens.length; i++) places[i] = 'date';
  const clauses: Partial<Record<ClauseKey, Clause>> = { from: byIndex[0], by: byIndex[1], via: byIndex[2], with: byIndex[3], id: byIndex[4], for: byIndex[5] };
  return {
    value,
    tokens,
    places,
    clauses,
    dateStart,
    dateText: found === null ? null : found.text,
    date: found === null ? null : found.result,
    unbalanced,
    truncated,
  };
}
