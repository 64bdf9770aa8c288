// Tokenizer for a Received field value (RFC 5321 §4.4 "Time-Stamp-Line", RFC 5322 §3.6.7), tolerant of
// what real servers write. One pass finds matching parentheses, one pass cuts tokens; both are linear.
// Quoted strings and <angle addresses> are opaque, also inside comments, so a sender cannot close a comment
// from inside `(envelope-from <")(version=TLS1_3 cipher=X)"@evil.example>)`.
import { isSpace } from '../text.js';

export type TokenKind = 'word' | 'comment' | 'quoted' | 'angle' | 'literal' | 'semi';

export interface Token {
  kind: TokenKind;
  /** Offsets in the value; `value.slice(start, end)` is the token as written, delimiters included. */
  start: number;
  end: number;
  /** Words and literals as written; comments without their outer parentheses; quoted and angle as written. */
  text: string;
}

/** Scans for closing delimiters, remembering failures so that a run of unclosed openers stays linear. */
class Closers {
  private quoteFailFrom = Number.POSITIVE_INFINITY;
  private angleFailUntil = -1;
  private bracketFailUntil = -1;

  constructor(private readonly s: string) {}

  /** Index of the `"` closing the quoted string opened at i, honouring backslash escapes; -1 if none. */
  quote(i: number): number {
    if (i > this.quoteFailFrom) return -1;
    const s = this.s;
    for (let j = i + 1; j < s.length; j++) {
      const c = s.charCodeAt(j);
      if (c === 0x5c) j++; // '\'
      else if (c === 0x22) return j; // '"'
    }
    this.quoteFailFrom = i;
    return -1;
  }

  /** Index of the `>` closing `<` at i; the address may hold quoted strings but no bare whitespace. */
  angle(i: number): number {
    if (i < this.angleFailUntil) return -1;
    const s = this.s;
    let j = i + 1;
    while (j < s.length) {
      const c = s.charCodeAt(j);
      if (c === 0x3e) return j; // '>'
      if (c === 0x22) {
        const q = this.quote(j);
        if (q === -1) break;
        j = q + 1;
        continue;
      }
      if (isSpace(c) || c === 0x3c) break;
      j++;
    }
    this.angleFailUntil = j;
    return -1;
  }

  /** Index of the `]` closing a domain literal at i (`[192.0.2.1]`, `[IPv6:2001:db8::1]`, `[unix socket]`). */
  bracket(i: number): number {
    if (i < this.bracketFailUntil) return -1;
    const s = this.s;
    let j = i + 1;
    while (j < s.length) {
      const c = s.charCodeAt(j);
      if (c === 0x5d) return j; // ']'
      if (c === 0x28 || c === 0x29 || c === 0x3b || c === 0x5b || c === 0x0a) break; // ( ) ; [ LF
      j++;
    }
    this.bracketFailUntil = j;
    return -1;
  }
}

/** Every `(` the scan pushed, in order, and the index of its matching `)` or -1 when it is never closed (it is
 * then an ordinary char). Two short arrays instead of one slot per character: an Int32Array the length of
 * the field cost 0.6 µs to allocate and fill, more than the scan itself (node 22, measured). */
interface Parens {
  opens: number[];
  closes: number[];
}

function matchParens(s: string, closers: Closers): Parens {
  const opens: number[] = [];
  const closes: number[] = [];
  const stack: number[] = [];
  let i = 0;
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 0x5c && stack.length > 0) {
      i += 2; // quoted-pair inside a comment (RFC 5322 §3.2.1)
      continue;
    }
    if (c === 0x22) {
      const q = closers.quote(i);
      if (q !== -1) {
        i = q + 1;
        continue;
      }
    } else if (c === 0x3c) {
      const a = closers.angle(i);
      if (a !== -1) {
        i = a + 1;
        continue;
      }
    } else if (c === 0x28) {
      stack.push(opens.length);
      opens.push(i);
      closes.push(-1);
    } else if (c === 0x29 && stack.length > 0) {
      closes[stack.pop() as number] = i;
    }
    i++;
  }
  return { opens, closes };
}

/** Answers "where does the `(` at i close?" for positions that only move forward, as the tokenizer's do. */
class ParenCursor {
  private k = 0;

  constructor(private readonly parens: Parens) {}

  /** Index of the `)` closing a `(` at i, or -1 (never closed, or skipped as part of a quoted string). */
  closeOf(i: number): number {
    const { opens, closes } = this.parens;
    while (this.k < opens.length && (opens[this.k] as number) < i) this.k++;
    return opens[this.k] === i ? (closes[this.k] as number) : -1;
  }
}

export interface Tokenized {
  tokens: Token[];
  /** True when a `(` was never closed. */
  unbalanced: boolean;
}

export function tokenize(s: string): Tokenized {
  const closers = new Closers(s);
  const parens = new ParenCursor(matchParens(s, closers));
  const tokens: Token[] = [];
  let unbalanced = false;
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === 0x28) {
      const close = parens.closeOf(i);
      if (close !== -1) {
        tokens.push({ kind: 'comment', start: i, end: close + 1, text: s.slice(i + 1, close) });
        i = close + 1;
        continue;
      }
      unbalanced = true;
    } else if (c === 0x3b) {
      tokens.push({ kind: 'semi', start: i, end: i + 1, text: ';' });
      i++;
      continue;
    } else if (c === 0x22) {
      const q = closers.quote(i);
      if (q !== -1) {
        tokens.push({ kind: 'quoted', start: i, end: q + 1, text: s.slice(i, q + 1) });
        i = q + 1;
        continue;
      }
    } else if (c === 0x3c) {
      const a = closers.angle(i);
      if (a !== -1) {
        tokens.push({ kind: 'angle', start: i, end: a + 1, text: s.slice(i, a + 1) });
        i = a + 1;
        continue;
      }
    } else if (c === 0x5b) {
      const b = closers.bracket(i);
      if (b !== -1) {
        tokens.push({ kind: 'literal', start: i, end: b + 1, text: s.slice(i, b + 1) });
        i = b + 1;
        continue;
      }
    }
    // A word runs to whitespace, `;`, or a `(` that opens a closed comment.
    let j = i + 1;
    while (j < n) {
      const d = s.charCodeAt(j);
      if (isSpace(d) || d === 0x3b || (d === 0x28 && parens.closeOf(j) !== -1)) break;
      j++;
    }
    tokens.push({ kind: 'word', start: i, end: j, text: s.slice(i, j) });
    i = j;
  }
  return { tokens, unbalanced };
}
