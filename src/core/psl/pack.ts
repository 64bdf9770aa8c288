// The PSL trie text is stored packed (scripts/make-psl.mjs): compressed with raw DEFLATE (RFC 1951, zlib's
// deflateRawSync at level 9) and written in base64 (RFC 4648 §4), 18.6 KB of deflate in 24.8 KB of text
// where the text itself is 42.9 KB. The popup carries the core (issue 6: its JavaScript must stay within
// 120 KB), and the lookup is synchronous, so the decoder is here rather than the browser's asynchronous
// DecompressionStream. The data is ours, not hostile: decoding is linear, runs once, on the first lookup, and
// a stream that is not well-formed throws.

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** RFC 4648 §4 base64 to bytes; `=` padding and white space are skipped. */
export function base64Bytes(text: string): Uint8Array {
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let n = 0;
  let buffer = 0;
  let bits = 0;
  for (let i = 0; i < text.length; i++) {
    const v = BASE64.indexOf(text[i] as string);
    if (v === -1) continue;
    buffer = ((buffer << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (buffer >> bits) & 0xff;
    }
  }
  return out.subarray(0, n);
}

// RFC 1951 §3.2.5: the base lengths and distances of the length and distance codes, and their extra bits.
const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DISTANCE_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const DISTANCE_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
/** RFC 1951 §3.2.7: the order in which the code length code lengths are sent. */
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
const MAX_BITS = 15;

/** A canonical Huffman code: how many codes of each length, and the symbols in code order. */
interface Huffman {
  count: number[];
  symbol: number[];
}

function huffman(lengths: readonly number[]): Huffman {
  const count = new Array<number>(MAX_BITS + 1).fill(0);
  for (const l of lengths) count[l] = (count[l] as number) + 1;
  count[0] = 0;
  const offset = new Array<number>(MAX_BITS + 1).fill(0);
  for (let l = 1; l < MAX_BITS; l++) offset[l + 1] = (offset[l] as number) + (count[l] as number);
  const symbol = new Array<number>(lengths.length).fill(0);
  lengths.forEach((l, s) => {
    if (l !== 0) symbol[(offset[l] as number)++] = s;
  });
  return { count, symbol };
}

/** Reads a DEFLATE stream bit by bit, least significant bit first (RFC 1951 §3.1.1). */
class BitReader {
  private at = 0;
  private buffer = 0;
  private held = 0;

  constructor(private readonly bytes: Uint8Array) {}

  bits(n: number): number {
    while (this.held < n) {
      if (this.at >= this.bytes.length) throw new Error('PSL data: the stream ends early');
      this.buffer |= (this.bytes[this.at++] as number) << this.held;
      this.held += 8;
    }
    const value = this.buffer & ((1 << n) - 1);
    this.buffer >>>= n;
    this.held -= n;
    return value;
  }

  /** A stored block starts on a byte boundary: drops what is left of the current byte. */
  align(): void {
    this.buffer = 0;
    this.held = 0;
  }

  byte(): number {
    if (this.at >= this.bytes.length) throw new Error('PSL data: the stream ends early');
    return this.bytes[this.at++] as number;
  }

  /** One symbol of a Huffman code, read a bit at a time (codes are sent most significant bit first). The
   * bits are taken from the buffer here rather than through bits(1): that call per bit was half the time. */
  decode(h: Huffman): number {
    let code = 0;
    let first = 0;
    let index = 0;
    for (let l = 1; l <= MAX_BITS; l++) {
      if (this.held === 0) {
        if (this.at >= this.bytes.length) throw new Error('PSL data: the stream ends early');
        this.buffer = this.bytes[this.at++] as number;
        this.held = 8;
      }
      code |= this.buffer & 1;
      this.buffer >>>= 1;
      this.held--;
      const count = h.count[l] as number;
      if (code - count < first) return h.symbol[index + (code - first)] as number;
      index += count;
      first = (first + count) << 1;
      code <<= 1;
    }
    throw new Error('PSL data: not a Huffman code');
  }
}

const FIXED_LITERALS = huffman([...new Array<number>(144).fill(8), ...new Array<number>(112).fill(9), ...new Array<number>(24).fill(7), ...new Array<number>(8).fill(8)]);
const FIXED_DISTANCES = huffman(new Array<number>(30).fill(5));

/** The literal/length and distance codes of a dynamic block (RFC 1951 §3.2.7). */
function dynamicCodes(r: BitReader): [Huffman, Huffman] {
  const literals = r.bits(5) + 257;
  const distances = r.bits(5) + 1;
  const codeLengths = r.bits(4) + 4;
  const order = new Array<number>(19).fill(0);
  for (let i = 0; i < codeLengths; i++) order[CODE_LENGTH_ORDER[i] as number] = r.bits(3);
  const lengthCode = huffman(order);
  const lengths: number[] = [];
  while (lengths.length < literals + distances) {
    const symbol = r.decode(lengthCode);
    if (symbol < 16) {
      lengths.push(symbol);
      continue;
    }
    const repeat = symbol === 16 ? 3 + r.bits(2) : symbol === 17 ? 3 + r.bits(3) : 11 + r.bits(7);
    const value = symbol === 16 ? (lengths[lengths.length - 1] ?? 0) : 0;
    for (let k = 0; k < repeat; k++) lengths.push(value);
  }
  return [huffman(lengths.slice(0, literals)), huffman(lengths.slice(literals))];
}

/** Bytes written so far, in a buffer that doubles when full. */
class Output {
  bytes = new Uint8Array(1 << 16);
  length = 0;

  push(b: number): void {
    if (this.length === this.bytes.length) {
      const bigger = new Uint8Array(this.bytes.length * 2);
      bigger.set(this.bytes);
      this.bytes = bigger;
    }
    this.bytes[this.length++] = b;
  }
}

/** RFC 1951 raw DEFLATE to bytes. */
export function inflate(bytes: Uint8Array): Uint8Array {
  const r = new BitReader(bytes);
  const out = new Output();
  let last = 0;
  while (last === 0) {
    last = r.bits(1);
    const type = r.bits(2);
    if (type === 0) {
      r.align();
      const length = r.byte() | (r.byte() << 8);
      r.byte();
      r.byte(); // the length's complement
      for (let k = 0; k < length; k++) out.push(r.byte());
      continue;
    }
    if (type === 3) throw new Error('PSL data: a block of unknown type');
    const [literals, distances] = type === 1 ? [FIXED_LITERALS, FIXED_DISTANCES] : dynamicCodes(r);
    for (;;) {
      const symbol = r.decode(literals);
      if (symbol < 256) out.push(symbol);
      else if (symbol === 256) break;
      else {
        const l = symbol - 257;
        const length = (LENGTH_BASE[l] as number) + r.bits(LENGTH_EXTRA[l] as number);
        const d = r.decode(distances);
        const distance = (DISTANCE_BASE[d] as number) + r.bits(DISTANCE_EXTRA[d] as number);
        if (distance > out.length) throw new Error('PSL data: a reference before the start');
        // One at a time: a reference may overlap what it writes.
        for (let k = 0; k < length; k++) out.push(out.bytes[out.length - distance] as number);
      }
    }
  }
  return out.bytes.subarray(0, out.length);
}

/** The trie text from its packed form. The text is ASCII (A-labels only), one byte per character. */
export function unpack(packed: string): string {
  const bytes = inflate(base64Bytes(packed));
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return text;
}
