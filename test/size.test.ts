// Size budgets of what the browser loads (issue 6), checked on the built extension so a regression fails CI.
// - the script injected into webmail pages: at most 12 KB minified;
// - the popup's JavaScript, everything its page loads (module scripts, preloads and their static imports):
//   at most 120 KB minified in total.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

const KB = 1024;
const CONTENT_SCRIPT_BUDGET = 12 * KB;
const POPUP_JS_BUDGET = 120 * KB;

/** Every JS file a page loads: its module scripts and preloads, then their static imports, transitively. */
function scriptsOf(dist: string, htmlPath: string): Map<string, number> {
  const html = readFileSync(join(dist, htmlPath), 'utf8');
  const queue = [...html.matchAll(/<script[^>]*\ssrc="([^"]+\.js)"|<link[^>]*\shref="([^"]+\.js)"/g)].map((m) => join(dist, m[1] ?? m[2] ?? ''));
  const seen = new Map<string, number>();
  while (queue.length > 0) {
    const file = normalize(queue.pop() as string);
    if (seen.has(file)) continue;
    seen.set(file, statSync(file).size);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[^'"();]*?\sfrom\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g)) {
      queue.push(join(dirname(file), m[1] as string));
    }
  }
  return seen;
}

describe.each(['chrome', 'firefox'])('size budgets of dist/%s', (browser) => {
  const dist = join('dist', browser);
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));

  it(`content script ≤ ${CONTENT_SCRIPT_BUDGET / KB} KB`, () => {
    const file = manifest.content_scripts[0].js[0] as string;
    const size = statSync(join(dist, file)).size;
    expect(size, `${file}: ${(size / KB).toFixed(1)} KB`).toBeLessThanOrEqual(CONTENT_SCRIPT_BUDGET);
  });

  it(`popup JavaScript ≤ ${POPUP_JS_BUDGET / KB} KB in total`, () => {
    const files = scriptsOf(dist, manifest.action.default_popup);
    expect(files.size).toBeGreaterThan(0);
    const total = [...files.values()].reduce((a, b) => a + b, 0);
    const list = [...files].map(([f, s]) => `${f.replace(dist, '')} ${(s / KB).toFixed(1)} KB`).join(', ');
    expect(total, `popup loads ${(total / KB).toFixed(1)} KB: ${list}`).toBeLessThanOrEqual(POPUP_JS_BUDGET);
  });
});
