// The elements renderAnalysis draws into, as the popup's markup has them (happy-dom tests).
export function mountPopupParts() {
  document.body.replaceChildren();
  const verdict = document.createElement('p');
  const summary = document.createElement('p');
  const warnings = document.createElement('section');
  warnings.append(document.createElement('ul'));
  const hops = document.createElement('ol');
  document.body.append(verdict, summary, warnings, hops);
  return { verdict, summary, warnings, hops };
}
