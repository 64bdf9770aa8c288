import { describe, expect, it } from 'vitest';
import { hopOf } from './helpers.js';
import { hostOf, verdictSentence } from '../src/report/describe.js';
import { hasHidden, visibleText } from '../src/ui/visible.js';
import { analyzeAt } from './helpers.js';

describe('hidden and direction-changing characters', () => {
  it('shows bidi overrides, zero-width characters and controls as ⟨U+XXXX⟩', () => {
    expect(visibleText('pay\u202Epal.example')).toBe('pay⟨U+202E⟩pal.example');
    expect(visibleText('exam\u200Bple.com\u2066')).toBe('exam⟨U+200B⟩ple.com⟨U+2066⟩');
    expect(visibleText('a\u0007b\u00ADc\uFEFF')).toBe('a⟨U+0007⟩b⟨U+00AD⟩c⟨U+FEFF⟩');
    expect(visibleText('mx.example.com (Postfix)\tx')).toBe('mx.example.com (Postfix)\tx');
    expect(hasHidden('münchen.example')).toBe(false);
    expect(hasHidden('mx\u200D.example')).toBe(true);
  });

  it('makes them visible wherever a host is named: hop ends and the verdict sentence', () => {
    const hop = hopOf('from x (evil\u202Emoc.example [192.0.2.1]) by mx.example.com with ESMTP id 1; Mon, 06 Jan 2025 19:49:50 +0100');
    expect(hostOf(hop.from)).toBe('evil⟨U+202E⟩moc.example');
    const a = analyzeAt('Received: from x (evil\u202Emoc.example [192.0.2.1]) by mx.example.com with ESMTP id 1; Mon, 06 Jan 2025 19:49:50 +0100\n');
    expect(verdictSentence(a)).toContain('evil⟨U+202E⟩moc.example');
  });
});
