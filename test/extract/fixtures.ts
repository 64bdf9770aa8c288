// Reading the webmail fixtures: test/fixtures/webmail/<id>/cases.json and the saved or reconstructed pages
// beside it. happy-dom replaces the global URL, which node:fs does not accept: paths are built from strings.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'webmail');
export const EXTRACT_SRC = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'extract');

/** One page of a webmail: what the adapter must read from it. `expected` lists the header block's lines
 * (each ends in LF in the text), or null where nothing may be found. */
export interface PageCase {
  name: string;
  fixture: string;
  url: string;
  /** 'text/plain' for a browser text-viewer tab (the fixture is the viewer's DOM). */
  contentType?: 'text/plain';
  expected: string[] | null;
  /** When present: what sourceUrl(doc, url) must return. */
  sourceUrl?: string | null;
}

/** A fetched response body (Gmail's view=om HTML): what fromSource must return. */
export interface FetchedCase {
  name: string;
  fixture: string;
  expected: string[] | null;
}

export interface Cases {
  detect: { yes: string[]; no: string[] };
  pages: PageCase[];
  fetched?: FetchedCase[];
}

export function fixtureIds(): string[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

export function fixtureFiles(id: string): string[] {
  return readdirSync(join(FIXTURES, id)).filter((f) => f.endsWith('.html'));
}

export function hasCases(id: string): boolean {
  return existsSync(join(FIXTURES, id, 'cases.json'));
}

export function readCases(id: string): Cases {
  return JSON.parse(readFileSync(join(FIXTURES, id, 'cases.json'), 'utf8')) as Cases;
}

export function fixtureHtml(id: string, file: string): string {
  return readFileSync(join(FIXTURES, id, file), 'utf8');
}

/** The page as the browser would build it. A text/plain tab cannot be parsed as such, so the viewer's DOM
 * (verified in Chromium: `body > pre`) is parsed and its contentType set. */
export function pageOf(html: string, contentType?: 'text/plain'): Document {
  // happy-dom tries to load every <iframe> (GMX, Proton, Roundcube and T-Online pages have one) and reports
  // that frame loading is disabled; no adapter reads frames, so they are parsed as an inert element.
  const doc = new DOMParser().parseFromString(html.replace(/<(\/?)iframe\b/gi, '<$1x-iframe'), 'text/html');
  if (contentType) Object.defineProperty(doc, 'contentType', { value: contentType });
  return doc;
}

export function textOfLines(lines: string[] | null): string | null {
  return lines === null ? null : lines.map((l) => l + '\n').join('');
}
