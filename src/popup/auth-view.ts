// SPF, DKIM, DMARC and ARC as the recipient's own provider recorded them (issue 8), as chips with a word
// for each result. Lower or foreign Authentication-Results headers are not read, and the view says so.
import type { Analysis } from '../core/types.js';
import type { Translate } from '../ui/i18n.js';
import { visibleText } from '../ui/visible.js';
import { el } from './dom.js';

const GOOD = new Set(['pass']);
const BAD = new Set(['fail', 'softfail', 'permerror', 'temperror', 'policy']);
const kind = (result: string) => (GOOD.has(result) ? 'good' : BAD.has(result) ? 'bad' : '');

export function authView(doc: Document, t: Translate, a: Analysis): HTMLElement | null {
  const auth = a.authentication;
  if (auth === null) return null;
  const chips: HTMLLIElement[] = [];
  const chip = (label: string, result: string, domain: string | null) =>
    chips.push(el(doc, 'li', { class: `chip ${kind(result)}`.trim() }, `${label} ${result}${domain ? ` · ${visibleText(domain)}` : ''}`));
  if (auth.spf) chip('SPF', auth.spf.result, auth.spf.domain);
  for (const d of auth.dkim) chip('DKIM', d.result, d.domain);
  if (auth.dmarc) chip('DMARC', auth.dmarc.result, auth.dmarc.headerFrom);
  if (auth.arc.result !== null) chip('ARC', auth.arc.result, auth.arc.highest?.domain ?? null);
  if (chips.length === 0 && !auth.tlsRequiredNo) return null;
  const source = auth.source?.authservId ?? '';
  return el(
    doc,
    'section',
    { class: 'auth' },
    el(doc, 'h2', {}, t(auth.source?.trusted ? 'authHeading' : 'authHeadingUntrusted', visibleText(source))),
    chips.length > 0 ? el(doc, 'ul', { class: 'facts' }, ...chips) : null,
    auth.ignored.length > 0 ? el(doc, 'p', { class: 'status' }, t('authIgnored', auth.ignored.length)) : null,
    auth.tlsRequiredNo ? el(doc, 'p', { class: 'chip warn' }, t('authTlsRequiredNo')) : null,
  );
}
