// Characters that hide or reorder text: a host name carrying them can look like another one
// (`paypal.com` + U+202E RIGHT-TO-LEFT OVERRIDE, or a zero-width space inside `examp​le.com`). Wherever a
// host or header text is shown, these are replaced by a visible `⟨U+202E⟩` and flagged (issue 7).
//   bidi controls: U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069
//   zero-width and invisible: U+00AD, U+180E, U+200B-U+200D, U+2060-U+2064, U+FEFF
//   C0/C1 controls except tab: U+0000-U+0008, U+000A-U+001F, U+007F-U+009F
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const HIDDEN = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const ANY_HIDDEN = new RegExp(HIDDEN.source);

export function hasHidden(text: string): boolean {
  return ANY_HIDDEN.test(text);
}

/** The text with every hiding or reordering character shown as ⟨U+XXXX⟩. */
export function visibleText(text: string): string {
  return text.replace(HIDDEN, (c) => `⟨U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}⟩`);
}
