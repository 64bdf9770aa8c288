// The lexical layer shared by Authentication-Results (RFC 8601 §2.2), ARC-Authentication-Results (RFC 8617
// §4.1.1) and Received-SPF (RFC 7208 §9.1): `;`-separated segments of `key=value` items and bare words,
// with CFWS anywhere (comments nest, `\` quotes the next character) and quoted strings. One pass over the
// characters, no regex, no recursion: linear on any input, and an unclosed comment or quote simply runs to
// the end of the value.
import { MAX_AUTH_FIELD_CHARS, MAX_PROPERTIES, MAX_VALUE_CHARS } from './limits.js';

/** `key=value`, or a bare word (`mx.google.com`, `none`, `1`) with `value` null. */
export interface Item {
  /** As written (quotes removed), capped. */
  key: string;
  /** As written (quotes removed), capped; `''` for `key=` with nothing after it. */
  value: string | null;
}

/** What stood between two semicolons. */
export interface Segment {
  items: Item[];
  /** Comment texts, outer parentheses removed, capped. */
  comments: string[];
}

export interface Segments {
  segments: Segment[];
  /** More segments followed than were read. */
  truncated: boolean;
}

const SEMICOLON = 0x3b; // ;
const EQUALS = 0x3d; // =
const OPEN = 0x28; // (
const CLOSE = 0x29; // )
const QUOTE = 0x22; // "
const BACKSLASH = 0x5c; // \

/** Space, tab, CR, LF and NBSP (a copied web page turns spaces into NBSP). */
function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xa0;
}

function cap(text: string): string {
  return text.length > MAX_VALUE_CHARS ? text.slice(0, MAX_VALUE_CHARS) : text;
}

/** Reads a comment starting at `(`; returns its text and the index after its closing `)` (or the end). */
function readComment(s: string, start: number): [string, number] {
  let depth = 0;
  let i = start;
  let kept = '';
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === BACKSLASH) {
      if (kept.length < MAX_VALUE_CHARS && i + 1 < s.length) kept += s[i + 1];
      i += 2;
      continue;
    }
    if (c === OPEN) depth++;
    else if (c === CLOSE) {
      depth--;
      if (depth === 0) return [kept.trim(), i + 1];
    }
    if ((depth > 1 || c !== OPEN) && kept.length < MAX_VALUE_CHARS) kept += s[i];
    i++;
  }
  return [kept.trim(), i];
}

/** Reads a quoted string starting at `"`; returns its content and the index after the closing quote. */
function readQuoted(s: string, start: number): [string, number] {
  let i = start + 1;
  let kept = '';
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === QUOTE) return [kept, i + 1];
    if (c === BACKSLASH) i++;
    if (i < s.length && kept.length < MAX_VALUE_CHARS) kept += s[i];
    i++;
  }
  return [kept, i];
}

/** Reads a word: a quoted string, or a run up to space, `;`, `(` (and `=` when `stopAtEquals`). */
function readWord(s: string, start: number, stopAtEquals: boolean): [string, number] {
  if (s.charCodeAt(start) === QUOTE) return readQuoted(s, start);
  let i = start;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (isSpace(c) || c === SEMICOLON || c === OPEN || (stopAtEquals && c === EQUALS)) break;
    i++;
  }
  return [cap(s.slice(start, i)), i];
}

/** Skips spaces and comments, collecting the comments. */
function skipCfws(s: string, start: number, comments: string[]): number {
  let i = start;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (isSpace(c)) i++;
    else if (c === OPEN) {
      const [text, next] = readComment(s, i);
      if (comments.length < MAX_PROPERTIES) comments.push(text);
      i = next;
    } else break;
  }
  return i;
}

/** Splits a structured value into at most `maxSegments` segments; empty segments (`;;`) are dropped. */
export function segmentsOf(value: string, maxSegments: number): Segments {
  const s = value.length > MAX_AUTH_FIELD_CHARS ? value.slice(0, MAX_AUTH_FIELD_CHARS) : value;
  const segments: Segment[] = [];
  let current: Segment = { items: [], comments: [] };
  let i = 0;
  while (i < s.length) {
    i = skipCfws(s, i, current.comments);
    if (i >= s.length) break;
    if (s.charCodeAt(i) === SEMICOLON) {
      i++;
      if (current.items.length === 0 && current.comments.length === 0) continue;
      if (segments.length >= maxSegments) return { segments, truncated: true };
      segments.push(current);
      current = { items: [], comments: [] };
      continue;
    }
    const [key, afterKey] = readWord(s, i, true);
    let next: number;
    let value: string | null = null;
    // `key = value` with CFWS around `=` (RFC 8601 allows it; `dkim=\n pass` is common once unfolded).
    const afterSpace = skipCfws(s, afterKey, current.comments);
    next = afterSpace; // the comments up to here are collected already
    if (s.charCodeAt(afterSpace) === EQUALS) {
      const valueStart = skipCfws(s, afterSpace + 1, current.comments);
      const c = s.charCodeAt(valueStart);
      if (valueStart >= s.length || c === SEMICOLON) {
        value = '';
        next = valueStart;
      } else {
        [value, next] = readWord(s, valueStart, false);
      }
    }
    if (next === i) next = i + 1; // a lone `"` or `=` must not stall the loop
    if (current.items.length < MAX_PROPERTIES + 2) current.items.push({ key, value });
    i = next;
  }
  if (current.items.length > 0 || current.comments.length > 0) {
    if (segments.length >= maxSegments) return { segments, truncated: true };
    segments.push(current);
  }
  return { segments, truncated: false };
}

/**
 * Tag=value lists of DKIM-Signature and ARC-Seal (RFC 6376 §3.2): `;`-separated, tag names case-sensitive,
 * whitespace inside values insignificant. Returns the first value of each wanted tag.
 */
export function tagsOf(value: string, wanted: readonly string[]): Map<string, string> {
  const s = value.length > MAX_AUTH_FIELD_CHARS ? value.slice(0, MAX_AUTH_FIELD_CHARS) : value;
  const found = new Map<string, string>();
  let start = 0;
  while (start <= s.length && found.size < wanted.length) {
    let end = s.indexOf(';', start);
    if (end === -1) end = s.length;
    const eq = s.indexOf('=', start);
    if (eq !== -1 && eq < end) {
      const name = s.slice(start, eq).trim();
      if (wanted.includes(name) && !found.has(name)) found.set(name, cap(withoutSpaces(s.slice(eq + 1, Math.min(end, eq + 1 + 4 * MAX_VALUE_CHARS)))));
    }
    start = end + 1;
  }
  return found;
}

function withoutSpaces(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) if (!isSpace(text.charCodeAt(i))) out += text[i];
  return out;
}
