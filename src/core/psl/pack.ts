// The PSL trie text is stored packed (scripts/make-psl.mjs): a small LZ77 whose back-references are
// `{` plus two base-64 digits of distance (1..4096) and one of length (4..67). The popup carries the core,
// and the packed text is half the size (issue 6: the popup's JavaScript must stay within 120 KB).
// The data is ours, not hostile; unpacking is linear and runs once, on the first lookup.

export const PACK_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
export const PACK_MARK = '{';
export const PACK_MIN = 4;

export function unpack(packed: string): string {
  const out: string[] = [];
  for (let i = 0; i < packed.length; ) {
    const c = packed[i] as string;
    if (c !== PACK_MARK) {
      out.push(c);
      i++;
      continue;
    }
    const distance = PACK_ALPHABET.indexOf(packed[i + 1] as string) * 64 + PACK_ALPHABET.indexOf(packed[i + 2] as string) + 1;
    const length = PACK_ALPHABET.indexOf(packed[i + 3] as string) + PACK_MIN;
    const start = out.length - distance;
    // Copy one at a time: a reference may overlap what it writes (`abcabcabc` from `abc{…}`).
    for (let k = 0; k < length; k++) out.push(out[start + k] as string);
    i += 4;
  }
  return out.join('');
}
