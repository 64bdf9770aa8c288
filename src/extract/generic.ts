// Any other page: a text/plain tab, or a header block found by its content (webmail-views.md §5). Also the
// fallback after every other adapter, so it comes last in the registry.
import type { Adapter } from './adapter.js';
import { byContent } from './header-text.js';

export const generic: Adapter = {
  id: 'generic',
  name: 'Any page',
  matches: [],
  detect: () => true,
  extract: byContent,
  hint: 'hintGeneric',
};
