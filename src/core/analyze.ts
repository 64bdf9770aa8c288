// The entry point: any text in, a `hoplock/1` Analysis out. Never throws; input with no header block gives
// an Analysis whose `error` says what to do.
import { attachedOriginal } from './attached.js';
import { readAuthenticationResults } from './auth/index.js';
import { buildChain, verdictOf } from './chain.js';
import { decodeEncodedWords } from './encoded-words.js';
import { type Field, firstField, splitFields } from './fields.js';
import { type HopDraft, hopFromField } from './hop.js';
import { MAX_HOPS } from './limits.js';
import { type HeaderBlock, locateHeaderBlock } from './locate.js';
import { organisationOf } from './org.js';
import { applyOwnRelays, ownRelays } from './own-relays.js';
import { timelineOf } from './timeline.js';
import type { Analysis, AnalysisError, AnalyzeOptions, MessageSummary, Warning } from './types.js';

const NO_SUMMARY: MessageSummary = { subject: null, from: null, date: null, messageId: null };

function failed(error: AnalysisError): Analysis {
  return {
    schema: 'hoplock/1',
    verdict: 'unknown',
    inbound: null,
    hops: [],
    warnings: [],
    error,
    message: { ...NO_SUMMARY },
    authentication: null,
    timeline: { points: [], totalSeconds: null },
  };
}

function blockWarnings(block: HeaderBlock): Warning[] {
  const w: Warning[] = [];
  if (block.quoted) w.push({ code: 'quoted-forward', message: 'The headers were quoted with ">"; the quoting was removed.', hop: null });
  if (block.htmlEscaped) w.push({ code: 'html-entities', message: 'The headers held HTML entities such as &lt;; they were decoded.', hop: null });
  if (block.lostIndentation) {
    w.push({ code: 'lost-indentation', message: 'Some continuation lines had lost their indentation; they were joined to the header above.', hop: null });
  }
  if (block.truncated) w.push({ code: 'input-truncated', message: 'The header block is larger than Hoplock reads; only its start was analysed.', hop: null });
  return w;
}

function summary(fields: readonly Field[]): MessageSummary {
  const get = (key: string) => {
    const f = firstField(fields, key);
    return f === null ? null : decodeEncodedWords(f.value);
  };
  return { subject: get('subject'), from: get('from'), date: get('date'), messageId: get('message-id') };
}

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const input = typeof text === 'string' ? text : '';
  if (input.trim() === '') return failed({ code: 'empty-input', message: 'Nothing to analyse: paste the message headers or a whole .eml file.' });
  let block = locateHeaderBlock(input);
  if (block === null) {
    return failed({
      code: 'no-headers',
      message: 'No email headers found. Paste the headers (the lines starting with "Received:") or the whole message source (.eml).',
    });
  }
  let { fields, truncated } = splitFields(block.lines);
  const warnings: Warning[] = [];
  // Forward as attachment: judge the original, once (an original that itself attaches one is left alone).
  const original = attachedOriginal(input, fields, block.bodyOffset);
  if (original !== null) {
    const inner = locateHeaderBlock(original);
    if (inner !== null) {
      const innerFields = splitFields(inner.lines);
      if (innerFields.fields.some((f) => f.key === 'received')) {
        block = inner;
        ({ fields, truncated } = innerFields);
        warnings.push({
          code: 'attached-original',
          message: 'This message carries the original as an attachment (message/rfc822); the attached original was analysed.',
          hop: null,
        });
      }
    }
  }
  warnings.push(...blockWarnings(block));
  if (truncated) warnings.push({ code: 'fields-truncated', message: 'The header block has more fields than Hoplock reads.', hop: null });

  let received = fields.filter((f) => f.key === 'received');
  if (received.length === 0) {
    warnings.push({ code: 'no-received', message: 'The headers hold no Received field, so there is no hop to judge.', hop: null });
  }
  if (received.length > MAX_HOPS) {
    warnings.push({ code: 'hops-truncated', message: `Only the top ${MAX_HOPS} of ${received.length} Received fields were analysed.`, hop: null });
    received = received.slice(0, MAX_HOPS);
  }
  const drafts: HopDraft[] = received.map((f, i) => hopFromField(f, i));
  const chain = buildChain(drafts, options.now ?? Date.now());
  const inbound = options.internal === undefined ? chain.inbound : applyOwnRelays(chain.hops, ownRelays(options.internal), chain.inbound);
  // The recipient's organisations: the writers of the hops on the recipient's side of the trust boundary.
  const own = new Set<string>();
  chain.hops.forEach((h, k) => {
    const org = h.trust === 'recipient' ? chain.byOrgs[k] : null;
    if (org != null) own.add(org);
  });
  return {
    schema: 'hoplock/1',
    verdict: verdictOf(chain.hops),
    inbound,
    hops: chain.hops,
    warnings: warnings.concat(chain.warnings),
    error: null,
    message: summary(fields),
    authentication: readAuthenticationResults(fields, own, organisationOf),
    timeline: timelineOf(chain.hops, chain.ms),
  };
}
