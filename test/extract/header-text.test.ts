// @vitest-environment happy-dom
// The shared helpers every adapter uses: normalising line ends, cutting at the header end, the size cap,
// telling a header block from look-alikes, reading an element's text, and the content-based finder.
import { describe, expect, it } from 'vitest';
import {
  cutAtHeaderEnd,
  findHeaderBlock,
  headerBlock,
  looksLikeHeaderBlock,
  MAX_EXTRACT_CHARS,
  normalise,
  plainText,
  textOf,
} from '../../src/extract/header-text.js';
import { pageOf } from './fixtures.js';

const HOP = 'Received: from mail.example.org (mail.example.org [192.0.2.10])\n\tby mx.example.net (Postfix) with ESMTPS id 4T8abc;\n\tMon,  8 Jan 2024 10:15:03 +0100 (CET)\n';

describe('normalise', () => {
  it('turns a no-break space (Roundcube &nbsp; folding) into a space', () => {
    expect(normalise('Received: from a\n\u00a0\u00a0by b')).toBe('Received: from a\n  by b');
  });
  it('turns CRLF and a lone CR into LF', () => {
    expect(normalise('A: 1\r\nB: 2\rC: 3\n')).toBe('A: 1\nB: 2\nC: 3\n');
  });
  it("makes Proton's \\n\\r separator a blank line, with or without a CRLF before it", () => {
    expect(normalise('Subject: x\n\r-----BEGIN')).toBe('Subject: x\n\n-----BEGIN');
    expect(normalise('Subject: x\r\n\n\r-----BEGIN')).toBe('Subject: x\n\n\n-----BEGIN');
  });
});

describe('cutAtHeaderEnd', () => {
  it('keeps the lines before the first blank line, each ending in LF', () => {
    expect(cutAtHeaderEnd('A: 1\nB: 2\n\nbody\n\nC: 3\n')).toBe('A: 1\nB: 2\n');
  });
  it('treats a line of only spaces and tabs as the blank line', () => {
    expect(cutAtHeaderEnd('A: 1\n \t \nbody')).toBe('A: 1\n');
  });
  it('drops blank lines and indentation before the first header line', () => {
    expect(cutAtHeaderEnd('\n\n   A: 1\n\tfolded\n')).toBe('A: 1\n\tfolded\n');
  });
  it('keeps all of a block without a blank line and ends it with one LF', () => {
    expect(cutAtHeaderEnd('A: 1\nB: 2   \n\n')).toBe('A: 1\nB: 2   \n');
    expect(cutAtHeaderEnd('A: 1\nB: 2')).toBe('A: 1\nB: 2\n');
  });
  it('gives an empty string for blank text', () => {
    expect(cutAtHeaderEnd(' \n\t\n')).toBe('');
  });
});

describe('headerBlock', () => {
  it('gives null for nothing, blank text, or text that does not begin with a header field', () => {
    expect(headerBlock(null)).toBeNull();
    expect(headerBlock(undefined)).toBeNull();
    expect(headerBlock('  \n')).toBeNull();
    expect(headerBlock('Hello Bob,\nReceived: your parcel; thanks\n')).toBeNull();
    expect(headerBlock('HTTP/1.1 200 OK\nContent-Type: text/html\n')).toBeNull();
  });
  it('ends a Proton header block at \\n\\r even without a final line end', () => {
    expect(headerBlock(`Return-Path: <alice@example.org>\n${HOP}Subject: Test\n\r-----BEGIN PGP MESSAGE-----\n\nwcFMA\n`)).toBe(
      `Return-Path: <alice@example.org>\n${HOP}Subject: Test\n`,
    );
  });
  it('reads CRLF text as LF text', () => {
    expect(headerBlock('A: 1\r\n\tfolded\r\nB: 2\r\n\r\nbody')).toBe('A: 1\n\tfolded\nB: 2\n');
  });
  it('accepts a header name of any RFC 5322 ftext, also `__proto__`', () => {
    expect(headerBlock(`__proto__: polluted\n${HOP}`)).toBe(`__proto__: polluted\n${HOP}`);
  });
  it(`caps its work at MAX_EXTRACT_CHARS (${MAX_EXTRACT_CHARS}), cutting back to whole lines`, () => {
    const line = 'X-Filler: ' + 'a'.repeat(90) + '\n';
    const text = HOP + line.repeat(Math.ceil((2 * MAX_EXTRACT_CHARS) / line.length));
    const block = headerBlock(text) ?? '';
    expect(block.length).toBeLessThanOrEqual(MAX_EXTRACT_CHARS);
    expect(block.length).toBeGreaterThan(MAX_EXTRACT_CHARS - line.length);
    expect(block.startsWith(HOP)).toBe(true);
    expect(block.endsWith(line)).toBe(true);
  });
  it('gives null for one line longer than the cap (there is no whole line to keep)', () => {
    expect(headerBlock('Subject: ' + 'a'.repeat(MAX_EXTRACT_CHARS + 10))).toBeNull();
  });
});

describe('looksLikeHeaderBlock', () => {
  it('accepts a block that begins with a field and holds a Received trace field, in any case', () => {
    expect(looksLikeHeaderBlock(`Return-Path: <a@example.org>\n${HOP}`)).toBe(true);
    expect(looksLikeHeaderBlock('RECEIVED: BY mx.example.net WITH SMTP ID 1; Mon, 8 Jan 2024 10:15:03 +0100\n')).toBe(true);
    expect(looksLikeHeaderBlock('received:\n\tfrom a by b; Mon, 8 Jan 2024 10:15:03 +0100\n')).toBe(true);
    expect(looksLikeHeaderBlock('Received: (qmail 1234 invoked by uid 0); 8 Jan 2024 09:15:03 -0000\n')).toBe(true);
  });
  it('rejects a block with X-Received only', () => {
    expect(looksLikeHeaderBlock('X-Received: by 2002:a05:6a10:1 with SMTP id a1; Mon, 8 Jan 2024\nFrom: a\n')).toBe(false);
  });
  it('rejects a Received field that only comes after the header end', () => {
    expect(looksLikeHeaderBlock(`From: a\n\n${HOP}`)).toBe(false);
  });
  it("rejects an app's Received date line and a Received line without a `;` date", () => {
    expect(looksLikeHeaderBlock('From: Alice\nReceived: Mon 08/01/2024 10:15\n')).toBe(false);
    expect(looksLikeHeaderBlock('Received: from the comments box\nSubject: a; b\n')).toBe(false);
  });
  it('rejects text whose first line is not a header field', () => {
    expect(looksLikeHeaderBlock(`Headers:\n\n${HOP}`)).toBe(false);
    expect(looksLikeHeaderBlock(`Here are the headers\n${HOP}`)).toBe(false);
  });
});

describe('textOf', () => {
  it("reads a textarea's value, not its initial text", () => {
    const doc = pageOf('<textarea>old</textarea>');
    const area = doc.querySelector('textarea') as HTMLTextAreaElement;
    area.value = 'new';
    expect(textOf(area)).toBe('new');
  });
  it('reads <br> as a line end and leaves scripts and styles out', () => {
    const doc = pageOf('<div id="d">A: 1<br>B: <b>2</b><script>C: 3</script><style>p{}</style><br />D: 4</div>');
    expect(textOf(doc.getElementById('d'))).toBe('A: 1\nB: 2\nD: 4');
  });
  it('gives an empty string for no element', () => {
    expect(textOf(null)).toBe('');
    expect(textOf(undefined)).toBe('');
  });
});

describe('plainText', () => {
  it('reads only text/plain documents', () => {
    const html = '<html><body><pre>A: 1</pre></body></html>';
    expect(plainText(pageOf(html, 'text/plain'))).toBe('A: 1');
    expect(plainText(pageOf(html))).toBe('');
  });
});

describe('findHeaderBlock', () => {
  it('takes the innermost element that holds the block, not the dialog around it', () => {
    const doc = pageOf(`<div role="dialog"><div id="outer">${HOP}<pre>${HOP}</pre></div></div>`);
    expect(findHeaderBlock(doc)).toBe(HOP);
  });
  it('takes the longest of unrelated header blocks', () => {
    const longer = `Return-Path: <a@example.org>\n${HOP}`;
    const doc = pageOf(`<pre>${HOP}</pre><textarea>${longer.replace(/</g, '&lt;')}</textarea><pre>${HOP}</pre>`);
    expect(findHeaderBlock(doc)).toBe(longer);
  });
  it('looks only where the selector says', () => {
    const doc = pageOf(`<pre>${HOP}</pre><div class="x">Subject: no hops\n</div>`);
    expect(findHeaderBlock(doc, '.x')).toBeNull();
    expect(findHeaderBlock(doc, 'pre')).toBe(HOP);
  });
  it('ignores header-looking text outside the candidates (a plain <div> outside any dialog)', () => {
    expect(findHeaderBlock(pageOf(`<div>${HOP}</div>`))).toBeNull();
  });
  it('reads a text/plain document only if it holds a Received trace field', () => {
    expect(findHeaderBlock(pageOf(`<pre>${HOP}\nbody</pre>`, 'text/plain'))).toBe(HOP);
    expect(findHeaderBlock(pageOf('<pre>Subject: notes\n\nbody</pre>', 'text/plain'))).toBeNull();
  });
});
