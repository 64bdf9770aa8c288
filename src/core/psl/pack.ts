// The PSL trie text is stored packed (scripts/make-psl.mjs): a small LZ77 whose back-references are a mark,
// the distance in base-64 digits (one to three) and the length in one more:
//   `|` d l      distance 1..64,        length 3..66
//   `{` d d l    distance 1..4096,      length 4..67
//   `}` d d d l  distance 1..262144,    length 4..67
// The popup carries the core, and the packed text is 71% of the list's (issue 6: the popup's JavaScript must
// stay within 120 KB). The data is ours, not hostile; unpacking is linear and runs once, on the first lookup.

export const PACK_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Digits of distance and shortest length, by mark. */
const FORMS: Record<string, readonly [number, number]> = { '|': [1, 3], '{': [2, 4], '}': [3, 4] };

export function unpack(packed: string): string {
  const out: string[] = [];
  for (let i = 0; i < packed.length; ) {
    const c = packed[i] as string;
    const form = FORMS[c];
    if (form === undefined) {
      out.push(c);
      i++;
      continue;
    }
    const [digits, shortest] = form;
    let distance = 0;
    for (let k = 1; k <= digits; k++) distance = distance * 64 + PACK_ALPHABET.indexOf(packed[i + k] as string);
    const length = PACK_ALPHABET.indexOf(packed[i + digits + 1] as string) + shortest;
    const start = out.length - distance - 1;
    // Copy one at a time: a reference may overlap what it writes (`abcabcabc` from `abc{…}`).
    for (let k = 0; k < length; k++) out.push(out[start + k] as string);
    i += digits + 2;
  }
  return out.join('');
}
