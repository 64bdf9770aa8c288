// One hop as a list item: a lock state with a word, the route, the facts as short chips, and on demand
// the evidence and the raw header. Every string from the header goes in as text (dom.ts).
import type { Hop, Transport } from '../core/types.js';
import { formatDelay } from '../report/describe.js';
import type { MessageKey, Translate } from '../ui/i18n.js';
import { hostOf } from '../ui/verdict.js';
import { hasHidden, visibleText } from '../ui/visible.js';
import { el, type IconName, icon } from './dom.js';

const STATE: Record<Transport, { icon: IconName; word: MessageKey }> = {
  encrypted: { icon: 'locked', word: 'stateEncrypted' },
  plaintext: { icon: 'open', word: 'statePlaintext' },
  internal: { icon: 'internal', word: 'stateInternal' },
  unknown: { icon: 'unknown', word: 'stateUnknown' },
};

/** Where each term is explained (help.ts). */
export type HelpTopic = 'starttls' | 'fs' | 'trust' | 'internal' | 'unknown';

export function helpLink(doc: Document, t: Translate, topic: HelpTopic): HTMLAnchorElement {
  return el(doc, 'a', { href: `#help-${topic}`, class: 'help-link', 'data-help': topic, title: t('helpMore'), 'aria-label': t('helpMore') }, '?');
}

/** Characters of a host shown in the route line; the whole of it is in the raw header below. No real host
 * name is longer than 253, and a 10,000-character one must not fill the popup. */
const MAX_SHOWN_HOST = 120;

function shorten(text: string): string {
  return text.length <= MAX_SHOWN_HOST ? text : `${text.slice(0, MAX_SHOWN_HOST)}…`;
}

function chip(doc: Document, text: string, kind = '', ...extra: Node[]): HTMLLIElement {
  return el(doc, 'li', { class: `chip ${kind}`.trim() }, text, ...extra);
}

export function hopView(doc: Document, t: Translate, hop: Hop, total: number, inbound: boolean): HTMLLIElement {
  const state = STATE[hop.transport];
  const rawFrom = hostOf(hop.from) ?? t('hopUnknownHost');
  const rawBy = hostOf(hop.by) ?? t('hopUnknownHost');
  const hidden = [rawFrom, rawBy, hop.from?.helo ?? ''].some(hasHidden);
  const from = shorten(visibleText(rawFrom));
  const by = shorten(visibleText(rawBy));
  const stateTopic: HelpTopic | null = hop.transport === 'plaintext' ? 'starttls' : hop.transport === 'internal' ? 'internal' : hop.transport === 'unknown' ? 'unknown' : null;

  const facts: HTMLLIElement[] = [];
  if (hidden) facts.push(chip(doc, t('hopHiddenChars'), 'bad'));
  if (hop.with !== null) facts.push(chip(doc, t('hopProtocol', hop.with)));
  const tls = hop.tls;
  if (tls !== null) {
    if (tls.version !== null) facts.push(chip(doc, tls.version.replace(/^TLS/, 'TLS '), 'good'));
    if (tls.cipher !== null) facts.push(chip(doc, t('hopCipher', shorten(tls.cipher)), 'mono'));
    if (tls.forwardSecret !== null) {
      facts.push(chip(doc, t(tls.forwardSecret ? 'hopFsYes' : 'hopFsNo'), tls.forwardSecret ? 'good' : 'warn', helpLink(doc, t, 'fs')));
    }
  }
  if (hop.weaknesses.length > 0) facts.push(chip(doc, t('hopWeak', hop.weaknesses.join(', ')), 'bad'));
  if (hop.authenticated === true) facts.push(chip(doc, t('hopAuthenticated')));
  if (hop.delaySeconds !== null) {
    facts.push(
      hop.delaySeconds < 0
        ? chip(doc, t('hopDelayNegative', formatDelay(-hop.delaySeconds)), 'warn')
        : chip(doc, t('hopDelay', formatDelay(hop.delaySeconds))),
    );
  }
  facts.push(chip(doc, t(hop.trust === 'recipient' ? 'hopTrustRecipient' : 'hopTrustUpstream'), hop.trust === 'recipient' ? 'trust' : 'claimed', helpLink(doc, t, 'trust')));

  const details = el(
    doc,
    'details',
    { class: 'evidence' },
    el(doc, 'summary', {}, t('hopDetails')),
    el(doc, 'p', {}, t('hopReason', hop.reason)),
    hop.evidence.length > 0 ? el(doc, 'h4', {}, t('hopEvidence')) : null,
    hop.evidence.length > 0 ? el(doc, 'ul', { class: 'evidence-list' }, ...hop.evidence.map((e) => el(doc, 'li', {}, el(doc, 'code', {}, e)))) : null,
    el(doc, 'h4', {}, t('hopRaw')),
    el(doc, 'pre', { class: 'raw' }, `Received: ${visibleText(hop.raw)}`),
    hop.rules.length > 0 ? el(doc, 'p', { class: 'rules' }, t('hopRules', hop.rules.join(', '))) : null,
  );

  return el(
    doc,
    'li',
    { class: `hop hop--${hop.transport}${inbound ? ' hop--inbound' : ''}`, 'data-testid': 'hop', 'data-transport': hop.transport, 'data-index': String(hop.index) },
    el(
      doc,
      'div',
      { class: 'hop-head' },
      el(doc, 'span', { class: 'state' }, icon(doc, state.icon), el(doc, 'span', { class: 'state-word' }, t(state.word)), stateTopic ? helpLink(doc, t, stateTopic) : null),
      el(doc, 'span', { class: 'hop-num' }, t('hopSummary', hop.index, total)),
    ),
    el(doc, 'p', { class: 'route' }, el(doc, 'span', { class: 'host' }, from), ' → ', el(doc, 'span', { class: 'host' }, by)),
    inbound ? el(doc, 'p', { class: 'inbound' }, t('hopInbound')) : null,
    el(doc, 'ul', { class: 'facts' }, ...facts),
    details,
  );
}
