// Paste-in mode over the core, in the popup itself. Header text reaches the page only through textContent.
import { analyze } from '../core/index.js';
import { tlsSummary, verdictSentence } from '../report/describe.js';
import { hostOf } from '../report/describe.js';

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`popup markup lacks #${id}`);
  return el as T;
}

function render(text: string): void {
  const a = analyze(text);
  const verdict = byId<HTMLParagraphElement>('verdict');
  verdict.dataset.verdict = a.verdict;
  verdict.textContent = verdictSentence(a);
  const list = byId<HTMLOListElement>('hops');
  list.replaceChildren(
    ...a.hops.map((h) => {
      const li = document.createElement('li');
      li.dataset.testid = 'hop';
      li.dataset.transport = h.transport;
      li.dataset.index = String(h.index);
      li.textContent = `${h.transport}: ${hostOf(h.from)} → ${hostOf(h.by)} ${h.with ?? ''} ${tlsSummary(h)}`.trim();
      return li;
    }),
  );
}

byId<HTMLButtonElement>('analyze').addEventListener('click', () => render(byId<HTMLTextAreaElement>('paste').value));
