// @vitest-environment happy-dom
// Table-driven: every adapter's test/fixtures/webmail/<id>/cases.json. Each URL there becomes a detect test,
// each page an extraction test with the exact text expected (or null), each fetched body a fromSource test.
// Pages and URLs must also reach their adapter through the registry (its order matters).
import { describe, expect, it } from 'vitest';
import { ADAPTERS, adapterFor, extractFrom } from '../../src/extract/registry.js';
import { fixtureHtml, hasCases, pageOf, readCases, textOfLines } from './fixtures.js';

// An adapter without cases.json is reported by meta.test.ts.
for (const adapter of ADAPTERS.filter((a) => hasCases(a.id))) {
  const cases = readCases(adapter.id);
  const file = `src/extract/${adapter.id}.ts`;
  const table = `test/fixtures/webmail/${adapter.id}/cases.json`;

  describe(`${adapter.name} (${adapter.id})`, () => {
    for (const href of cases.detect.yes) {
      it(`detects ${href}`, () => {
        const url = new URL(href);
        expect(adapter.detect(url), `${adapter.id}.detect must accept ${href}: widen detect() in ${file}, or move the URL to "no" in ${table}`).toBe(true);
        expect(adapterFor(url).id, `an earlier adapter in src/extract/registry.ts claims ${href}: reorder ADAPTERS or narrow its detect()`).toBe(adapter.id);
      });
    }
    for (const href of cases.detect.no) {
      it(`does not detect ${href}`, () => {
        expect(adapter.detect(new URL(href)), `${adapter.id}.detect must reject ${href}: narrow detect() in ${file}, or move the URL to "yes" in ${table}`).toBe(false);
      });
    }
    for (const page of cases.pages) {
      it(`${page.name} (${page.fixture})`, () => {
        const url = new URL(page.url);
        const doc = pageOf(fixtureHtml(adapter.id, page.fixture), page.contentType);
        const expected = textOfLines(page.expected);
        expect(adapter.extract(doc, url), `${adapter.id}.extract on ${page.fixture}`).toBe(expected);
        expect(adapterFor(url).id, `${page.url} must belong to ${adapter.id} (registry order)`).toBe(adapter.id);
        expect(extractFrom(doc, url), `extractFrom (adapter, then the generic finder) on ${page.fixture}`).toBe(expected);
        if ('sourceUrl' in page) expect(adapter.sourceUrl?.(doc, url) ?? null, `${adapter.id}.sourceUrl on ${page.fixture}`).toBe(page.sourceUrl);
      });
    }
    for (const fetched of cases.fetched ?? []) {
      it(`${fetched.name} (${fetched.fixture}, fetched)`, () => {
        expect(adapter.fromSource, `${adapter.id} has fetched cases but no fromSource`).toBeTypeOf('function');
        expect(adapter.fromSource?.(fixtureHtml(adapter.id, fetched.fixture))).toBe(textOfLines(fetched.expected));
      });
    }
  });
}
