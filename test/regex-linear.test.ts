// Linear time: no regular expression in the sources has nested quantifiers (`(a+)+`, `(\s*x)*`) or two
// adjacent unbounded quantifiers whose characters overlap (`\s*\s*`, `.*\w+`), the shapes that backtrack
// for quadratic or exponential time on hostile text (issue 7). Reads every regex literal and
// `new RegExp('...')` of src/ and checks it with a small regex-structure reader.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Regex literals in TypeScript source: `/.../flags` after an operator or keyword, not in comments or strings. */
function regexLiterals(code: string): string[] {
  const out: string[] = [];
  let i = 0;
  let prev = '';
  while (i < code.length) {
    const c = code[i] as string;
    if (c === '/' && code[i + 1] === '/') {
      i = code.indexOf('\n', i);
      if (i < 0) break;
      continue;
    }
    if (c === '/' && code[i + 1] === '*') {
      i = code.indexOf('*/', i + 2) + 2;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < code.length && code[j] !== c) j += code[j] === '\\' ? 2 : 1;
      i = j + 1;
      prev = 'x';
      continue;
    }
    if (c === '/' && /[(,=:[!&|?{};+\-*%<>~^]$|^$|return$|typeof$/.test(prev)) {
      let j = i + 1;
      let inClass = false;
      while (j < code.length) {
        const d = code[j];
        if (d === '\\') j += 2;
        else if (d === '[' || d === ']') {
          inClass = d === '[';
          j++;
        }
        else if (d === '/' && !inClass) break;
        else if (d === '\n') break;
        else j++;
      }
      if (code[j] === '/') out.push(code.slice(i + 1, j));
      i = j + 1;
      prev = 'x';
      continue;
    }
    if (!/\s/.test(c)) prev = /[A-Za-z0-9_$]/.test(c) ? (/[A-Za-z0-9_$]$/.test(prev) ? prev + c : c) : c;
    i++;
  }
  return out;
}

interface Atom {
  source: string;
  unbounded: boolean;
  /** For groups: whether something inside repeats without bound. */
  innerUnbounded: boolean;
}

const SAMPLE = [...Array(128).keys()].map((n) => String.fromCharCode(n)).concat(['\u00a0', 'é', '\u200b', '€']);

function charsOf(atom: string): Set<string> | null {
  try {
    const re = new RegExp(`^(?:${atom})$`, 's');
    return new Set(SAMPLE.filter((ch) => re.test(ch)));
  } catch {
    return null;
  }
}

/**
 * A repeated group that starts with a single required delimiter the rest of the group cannot match
 * (`(?:[_-][A-Za-z0-9]+)+`) splits its input one way only: each repetition begins at a delimiter. That is
 * linear, so it is not reported.
 */
function delimited(inner: Atom[]): boolean {
  const [first, ...rest] = inner;
  if (first === undefined || first.unbounded || first.innerUnbounded || /[*+?}]$/.test(first.source) || rest.some((a) => a.source === '|')) return false;
  const head = charsOf(first.source);
  if (head === null || head.size === 0) return false;
  return rest.every((a) => {
    const set = charsOf(a.source.replace(/(?:[*+?]|\{\d+(?:,\d*)?\})\??$/, ''));
    return set !== null && [...set].every((ch) => !head.has(ch));
  });
}

/** Problems in one regex source. */
function problems(source: string): string[] {
  const found: string[] = [];
  // Sequence of atoms per group level.
  const stack: Atom[][] = [[]];
  const quant = /^(?:[*+?]|\{\d+(?:,\d*)?\})\??/;
  let i = 0;
  const push = (atom: Atom) => (stack[stack.length - 1] as Atom[]).push(atom);
  while (i < source.length) {
    const c = source[i] as string;
    let atomSource = '';
    let isGroup = false;
    let inner: Atom[] = [];
    if (c === '\\') {
      atomSource = source.slice(i, i + 2);
      i += 2;
    } else if (c === '[') {
      let j = i + 1;
      if (source[j] === '^') j++;
      if (source[j] === ']') j++;
      while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
      atomSource = source.slice(i, j + 1);
      i = j + 1;
    } else if (c === '(') {
      stack.push([]);
      i += source.startsWith('(?:', i) || source.startsWith('(?=', i) || source.startsWith('(?!', i) ? 3 : source.startsWith('(?<=', i) || source.startsWith('(?<!', i) ? 4 : 1;
      if (source.startsWith('?<', i - 1) === false && source[i - 1] === '(' && source.startsWith('?<', i)) {
        i = source.indexOf('>', i) + 1;
      }
      continue;
    } else if (c === ')') {
      inner = stack.pop() ?? [];
      isGroup = true;
      atomSource = `(${inner.map((a) => a.source).join('')})`;
      i++;
    } else if (c === '|') {
      push({ source: '|', unbounded: false, innerUnbounded: false });
      i++;
      continue;
    } else {
      atomSource = c;
      i++;
    }
    const q = quant.exec(source.slice(i));
    const quantifier = q?.[0] ?? '';
    i += quantifier.length;
    const unbounded = /^[*+]|^\{\d+,\}/.test(quantifier);
    const innerUnbounded = isGroup && inner.some((a) => a.unbounded || a.innerUnbounded);
    if (isGroup && unbounded && innerUnbounded && !delimited(inner)) found.push(`nested quantifier: ${atomSource}${quantifier}`);
    const atom: Atom = { source: atomSource + quantifier, unbounded, innerUnbounded };
    const seq = stack[stack.length - 1] as Atom[];
    const before = seq[seq.length - 1];
    if (unbounded && before?.unbounded && !isGroup && !before.source.startsWith('(')) {
      const a = charsOf(before.source.replace(/(?:[*+?]|\{\d+(?:,\d*)?\})\??$/, ''));
      const b = charsOf(atomSource);
      if (a && b && [...a].some((ch) => b.has(ch))) found.push(`adjacent overlapping quantifiers: ${before.source}${atomSource}${quantifier}`);
    }
    push(atom);
  }
  return found;
}

describe('regular expressions are linear', () => {
  it('the checker sees the shapes it must reject', () => {
    expect(problems('(a+)+')).toHaveLength(1);
    expect(problems('(?:\\s*x)*y')).toHaveLength(1);
    expect(problems('\\s*\\s*;')).toHaveLength(1);
    expect(problems('.*\\w+')).toHaveLength(1);
    expect(problems('^[^:]+:\\s*$')).toHaveLength(0);
    expect(problems('[a-z]+\\d+')).toHaveLength(0);
    expect(problems('^[A-Za-z0-9]+(?:[_-][A-Za-z0-9]+)+$')).toHaveLength(0);
    expect(problems('^(?:[a-z_][a-z_]+)+$')).toHaveLength(1);
    expect(regexLiterals("const a = /x+/g; // /not(a+)+/\nconst b = '/(a+)+/'; if (/(b+)+/.test(s)) {}")).toEqual(['x+', '(b+)+']);
  });

  const sources = files('src').map((f) => [f, readFileSync(f, 'utf8')] as const);
  it('reads regexes from the sources (guard)', () => {
    expect(sources.flatMap(([, code]) => regexLiterals(code)).length).toBeGreaterThan(100);
  });
  for (const [file, code] of sources) {
    const found = regexLiterals(code).flatMap((r) => problems(r).map((p) => `/${r}/: ${p}`));
    if (found.length === 0) continue;
    it(`${file} has no backtracking-prone regex`, () => {
      expect(found).toEqual([]);
    });
  }
  it('every source file was checked', () => {
    expect(sources.length).toBeGreaterThan(60);
  });
});
