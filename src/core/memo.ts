// A bounded cache for pure string functions that a chain calls again and again with the same hosts and
// addresses (the PSL lookup and address parsing were a third of the time per hop, measured with
// `node --cpu-prof` on the 245-row fixture table). Cleared when full, so hostile input cannot grow it.
const MAX_ENTRIES = 2048;

export function memoize<T>(fn: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key: string) => {
    const hit = cache.get(key);
    if (hit !== undefined || cache.has(key)) return hit as T;
    const value = fn(key);
    if (cache.size >= MAX_ENTRIES) cache.clear();
    cache.set(key, value);
    return value;
  };
}
