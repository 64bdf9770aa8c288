// The Public Suffix List rules of data.ts as a trie of reversed labels, parsed on first use, one top-level
// label at a time.
//
// Format (written by scripts/make-psl.mjs): entries separated by `,` (a line feed between top-level
// entries, to keep diffs readable); an entry is a label, then its children in parentheses. Markers before
// a label: `!` an exception rule (`!city` under `kawasaki.jp` is `!city.kawasaki.jp`), `~` a node that is
// only the parent of rules, not a rule itself (`~hedmark` under `no`: `os.hedmark.no` is a public suffix,
// `hedmark.no` is not). `*` is the wildcard label, always a leaf. Top-level labels are never rules: the
// single-label rules (`jp`) answer as the default `*` rule does, so the generator leaves them out.
//
//   jp(ac,ad,aichi(aisai,ama),kawasaki(!city,*))
//   no(~hedmark(os,valer),mil)
import { PSL_PACKED } from './data.js';
import { unpack } from './pack.js';

export interface PslNode {
  /** The labels from the root down to this node are a rule of the list (`co.uk`). */
  rule: boolean;
  /** Child labels, `*` for the wildcard; null for a leaf. */
  children: Map<string, PslNode> | null;
  /** Labels of exception rules one level below (`city` for `!city.kawasaki.jp`); null if none. */
  exceptions: Set<string> | null;
}

const OPEN = 0x28; // '('
const CLOSE = 0x29; // ')'
const COMMA = 0x2c; // ','
const LINE_FEED = 0x0a;
const BANG = 0x21; // '!'
const TILDE = 0x7e; // '~'

/** Parses the format above in one pass over `text` (linear time). Throws on malformed data, which only a
 * broken generator could produce (test/org.test.ts parses the committed data). */
export function parseTrie(text: string): PslNode {
  const root: PslNode = { rule: false, children: null, exceptions: null };
  const stack: PslNode[] = [root];
  let last: PslNode | null = null; // the node of the entry just read: the parent of a following '('
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i === text.length ? LINE_FEED : text.charCodeAt(i);
    if (c !== OPEN && c !== CLOSE && c !== COMMA && c !== LINE_FEED) continue;
    const parent = stack[stack.length - 1] as PslNode;
    if (i > start) last = addEntry(parent, text.slice(start, i), stack.length);
    start = i + 1;
    if (c === OPEN) {
      if (last === null) throw new Error(`PSL data: '(' without a label at ${i}`);
      stack.push(last);
    } else if (c === CLOSE) {
      if (stack.length === 1) throw new Error(`PSL data: unbalanced ')' at ${i}`);
      stack.pop();
    }
    last = null;
  }
  if (stack.length !== 1) throw new Error('PSL data: unclosed (');
  return root;
}

function addEntry(parent: PslNode, entry: string, depth: number): PslNode | null {
  const marker = entry.charCodeAt(0);
  if (marker === BANG) {
    parent.exceptions ??= new Set();
    parent.exceptions.add(entry.slice(1));
    return null;
  }
  const parentOnly = marker === TILDE;
  const node: PslNode = { rule: depth > 1 && !parentOnly, children: null, exceptions: null };
  parent.children ??= new Map();
  parent.children.set(parentOnly ? entry.slice(1) : entry, node);
  return node;
}

/** Each top-level label's line of the committed data, found on the first lookup (one indexOf pass). */
let lines: Map<string, string> | null = null;
/** Subtrees parsed so far; keys are only labels the data has, so hostile hosts cannot grow it. */
const parsed = new Map<string, PslNode>();

/** The rules below top-level label `label` (`jp` → `ac.jp`, `kawasaki.jp`...), parsed on its first use:
 * a lookup under `.com` never pays for parsing `.jp`. Undefined when the list has no rule below it. */
export function topLevelNode(label: string): PslNode | undefined {
  const done = parsed.get(label);
  if (done !== undefined) return done;
  lines ??= indexLines(unpack(PSL_PACKED));
  const line = lines.get(label);
  if (line === undefined) return undefined;
  const node = parseTrie(line).children?.get(label);
  if (node === undefined) throw new Error(`PSL data: no entry in the line of ${label}`);
  parsed.set(label, node);
  return node;
}

function indexLines(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const open = text.indexOf('(', start);
    out.set(text.slice(start, open === -1 || open > end ? end : open), text.slice(start, end));
    start = end + 1;
  }
  return out;
}
