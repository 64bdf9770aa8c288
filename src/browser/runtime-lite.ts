// Messaging for content scripts, without webextension-polyfill: a content script sends two message types,
// and the polyfill alone would be most of its 12 KB budget. Firefox's `browser` and Chrome's MV3 `chrome`
// both return promises from runtime.sendMessage.
interface RuntimeLike {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

export function sendMessage(message: unknown): Promise<unknown> {
  const g = globalThis as { browser?: RuntimeLike; chrome?: RuntimeLike };
  const api = g.browser ?? g.chrome;
  if (api === undefined) return Promise.reject(new Error('Hoplock: no extension runtime'));
  return api.runtime.sendMessage(message);
}
