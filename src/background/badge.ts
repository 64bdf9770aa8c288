// The toolbar badge of one tab: a short word, a colour and a title that repeats the verdict in a sentence,
// so colour is never the only signal (uBlock Origin does the same). `badgeFor` is pure; `applyBadge` is
// the only place that touches the action API.
import { browser } from '../browser/api.js';
import type { Analysis, Verdict } from '../core/types.js';
import type { MessageKey, Translate } from '../ui/i18n.js';
import { verdictText } from '../ui/verdict.js';

export interface Badge {
  text: string;
  /** Background colour, #rrggbb. Each has a contrast of at least 4.5:1 with the white badge text. */
  color: string;
  title: string;
}

/** White text on these: contrast 5.08, 5.02, 6.47 and 6.39 to 1 (WCAG AA asks 4.5). */
export const BADGE_COLORS: Record<Verdict, string> = {
  encrypted: '#1a7f37', // green
  partial: '#b45309', // amber
  plaintext: '#b91c1c', // red
  unknown: '#57606a', // grey
};

export const BADGE_TEXT_COLOR = '#ffffff';

const TEXT_KEYS: Record<Verdict, MessageKey> = {
  encrypted: 'badgeEncrypted',
  partial: 'badgePartial',
  plaintext: 'badgePlaintext',
  unknown: 'badgeUnknown',
};

export function badgeFor(analysis: Analysis | null, t: Translate): Badge {
  if (analysis === null) return { text: '', color: BADGE_COLORS.unknown, title: t('badgeTitleNone') };
  // A text without headers: no word on the badge, but the title says why.
  const text = analysis.error === null ? t(TEXT_KEYS[analysis.verdict]) : '';
  return { text, color: BADGE_COLORS[analysis.verdict], title: t('badgeTitle', verdictText(analysis, t)) };
}

/** Shows `badge` on one tab's toolbar button (tab-specific: other tabs keep theirs). */
export async function applyBadge(tabId: number, badge: Badge): Promise<void> {
  const action = browser.action;
  const calls: Promise<void>[] = [
    action.setBadgeText({ tabId, text: badge.text }),
    action.setBadgeBackgroundColor({ tabId, color: badge.color }),
    action.setTitle({ tabId, title: badge.title }),
  ];
  // setBadgeTextColor: Chrome 110+, Firefox 63+; without it the browser picks a readable text colour.
  if (typeof action.setBadgeTextColor === 'function') calls.push(action.setBadgeTextColor({ tabId, color: BADGE_TEXT_COLOR }));
  await Promise.all(calls);
}
