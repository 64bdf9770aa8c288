// Tokenizer for a Received field value (RFC 5321 §4.4 "Time-Stamp-Line", RFC 5322 §3.6.7), tolerant of
// what real servers write. One scan finds matching parentheses, one pass cuts tokens; both are linear.
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

/** A token whose text is cut from the field when first read: clause words and date words never are, and
 * the cut copies were a quarter of the tokenizer's allocations (node 22, allocation sampling). */
class LazyToken implements Token {
  private cached: string | undefined = undefined;
  constructor(
    readonly kind: TokenKind,
    readonly start: number,
    readonly end: number,
    private readonly source: string,
  ) {}

  get text(): string {
    if (this.cached === undefined) {
      // Comments without their outer parentheses (see Token.text).
      this.cached = this.kind === 'comment' ? this.source.slice(this.start + 1, this.end - 1) : this.source.slice(this.start, this.end);
    }
    return this.cached;
  }
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
  const at = new NextChars(s);
  let i = 0;
  for (;;) {
    // Only `"`, `<`, `(`, `)` and, inside a comment, `\` do anything; the scan jumps from one to the next.
    i = at.next(i, stack.length > 0);
    if (i === -1) break;
    const c = s.charCodeAt(i);
    if (c === 0x5c) {
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
    } else if (stack.length > 0) {
      closes[stack.pop() as number] = i; // ')'
    }
    i++;
  }
  return { opens, closes };
}

/** The next `"`, `<`, `(`, `)` or `\\` at or after a position, found with `indexOf`: a loop over every character
 * cost four times as much (node 22, 200-character fields, measured). Each position is searched again only
 * once the scan has passed it, so the searches stay linear. */
class NextChars {
  private quote: number;
  private angle: number;
  private open: number;
  private close: number;
  private backslash: number;

  constructor(private readonly s: string) {
    this.quote = s.indexOf('"');
    this.angle = s.indexOf('<');
    this.open = s.indexOf('(');
    this.close = s.indexOf(')');
    this.backslash = s.indexOf('\\');
  }

  /** Index of the next character that matters from i on, or -1; a backslash matters only inside a comment. */
  next(i: number, inComment: boolean): number {
    const s = this.s;
    if (this.quote !== -1 && this.quote < i) this.quote = s.indexOf('"', i);
    if (this.angle !== -1 && this.angle < i) this.angle = s.indexOf('<', i);
    if (this.open !== -1 && this.open < i) this.open = s.indexOf('(', i);
    if (this.close !== -1 && this.close < i) this.close = s.indexOf(')', i);
    let best = earliest(earliest(this.quote, this.angle), earliest(this.open, this.close));
    if (inComment) {
      if (this.backslash !== -1 && this.backslash < i) this.backslash = s.indexOf('\\', i);
      best = earliest(best, this.backslash);
    }
    return best;
  }
}

/** The smaller of two indexes where -1 means "none". */
function earliest(a: number, b: number): number {
  if (a === -1) return b;
  if (b === -1) return a;
  return Math.min(a, b);
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
        tokens.push(new LazyToken('comment', i, close + 1, s));
        i = close + 1;
        continue;
      }
      unbalanced = true;
    } else if (c === 0x3b) {
      tokens.push(new LazyToken('semi', i, i + 1, s));
      i++;
      continue;
    } else if (c === 0x22) {
      const q = closers.quote(i);
      if (q !== -1) {
        tokens.push(new LazyToken('quoted', i, q + 1, s));
        i = q + 1;
        continue;
      }
    } else if (c === 0x3c) {
      const a = closers.angle(i);
      if (a !== -1) {
        tokens.push(new LazyToken('angle', i, a + 1, s));
        i = a + 1;
        continue;
      }
    } else if (c === 0x5b) {
      const b = closers.bracket(i);
      if (b !== -1) {
        tokens.push(new LazyToken('literal', i, b + 1, s));
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
    tokens.push(new LazyToken('word', i, j, s));
    i = j;
  }
  return { tokens, unbalanced };
}
