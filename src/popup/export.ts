// Export for tickets and tools: the Markdown report (the CLI's --markdown) and the hoplock/1 JSON.
import type { Analysis } from '../core/types.js';
import { renderMarkdown } from '../report/markdown.js';

export function markdownReport(a: Analysis, title: string | null): string {
  return renderMarkdown(a, title);
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
