/**
 * Keys in the order Fabric's state database iterates them: by UTF-8 bytes. JavaScript compares UTF-16
 * code units, which disagrees for characters above U+FFFF versus U+E000–U+FFFF, so surrogates are
 * shifted above the rest of the BMP before comparing; that yields code-point order, which is UTF-8 order.
 */
export function compareKeys(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x !== y) {
      if (x >= 0xd800) x += x >= 0xe000 ? -0x800 : 0x2000;
      if (y >= 0xd800) y += y >= 0xe000 ? -0x800 : 0x2000;
      return x - y;
    }
  }
  return a.length - b.length;
}

/** A sorted set of keys with range lookups, kept in {@link compareKeys} order. */
export class SortedKeys {
  private readonly keys: string[] = [];

  /** Index of the first key `>= key`. */
  lowerBound(key: string): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareKeys(this.keys[mid], key) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  insert(key: string): void {
    const at = this.lowerBound(key);
    if (this.keys[at] !== key) this.keys.splice(at, 0, key);
  }

  remove(key: string): void {
    const at = this.lowerBound(key);
    if (this.keys[at] === key) this.keys.splice(at, 1);
  }

  /** Keys in `[start, end)`; an empty `end` means no upper bound. At most `limit` keys. */
  range(start: string, end: string, limit = Number.POSITIVE_INFINITY): string[] {
    const out: string[] = [];
    for (let i = this.lowerBound(start); i < this.keys.length && out.length < limit; i++) {
      const key = this.keys[i];
      if (end !== '' && compareKeys(key, end) >= 0) break;
      out.push(key);
    }
    return out;
  }

  get size(): number {
    return this.keys.length;
  }
}
