// Export for tickets and tools: the Markdown report (the CLI's --markdown) and the hoplock/1 JSON.
import type { Analysis } from '../core/types.js';
import { renderMarkdown } from '../report/markdown.js';
import type { Translate } from '../ui/i18n.js';
import { verdictText } from '../ui/verdict.js';

/** The ticket report, its verdict sentence in the person's language. */
export function markdownReport(a: Analysis, title: string | null, t: Translate): string {
  return renderMarkdown(a, title, a.error !== null ? a.error.message : `${verdictText(a, t)}.`);
}

export function jsonReport(a: Analysis): string {
  return `${JSON.stringify(a, null, 2)}\n`;
}

/** Saves text as a file through a temporary object URL (no downloads permission needed). */
export function saveText(doc: Document, text: string, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = filename;
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
