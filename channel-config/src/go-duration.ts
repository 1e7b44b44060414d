// Go's time package units. Go accepts both the micro sign (U+00B5) and the Greek mu (U+03BC) for µs.
const UNIT_NANOS: Record<string, bigint> = {
  ns: 1n,
  us: 1_000n,
  '\u00b5s': 1_000n,
  '\u03bcs': 1_000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};
const UNIT = '(ns|us|\u00b5s|\u03bcs|ms|s|m|h)';
const COMPONENT = `(\\d+\\.?\\d*|\\.\\d+)${UNIT}`;
const UNSIGNED_DURATION = new RegExp(`^(?:${COMPONENT})+$`);
const MAX_DURATION_NANOS = 2n ** 63n - 1n;

/**
 * The length in nanoseconds of `text`, an unsigned Go duration as time.ParseDuration reads it (e.g. `"250ms"`,
 * `"1m30s"`, `"1.5h"`), or undefined when it is not one or overflows Go's int64. Signs are not accepted:
 * callers only deal in lengths of time. Digits finer than a nanosecond are dropped, as Go drops them.
 */
export function parseGoDuration(text: string): bigint | undefined {
  if (!UNSIGNED_DURATION.test(text)) return undefined;
  let nanos = 0n;
  for (const [, number, unit] of text.matchAll(new RegExp(COMPONENT, 'g'))) {
    const [whole, fraction = ''] = number.split('.');
    const unitNanos = UNIT_NANOS[unit];
    nanos += BigInt(whole || '0') * unitNanos + (BigInt(fraction || '0') * unitNanos) / 10n ** BigInt(fraction.length);
  }
  return nanos <= MAX_DURATION_NANOS ? nanos : undefined;
}

// `value / 10^digits` in decimal without trailing zeros, e.g. (1500n, 3) → "1.5", (2000n, 3) → "2".
function decimal(value: bigint, digits: number): string {
  const scale = 10n ** BigInt(digits);
  const fraction = (value % scale).toString().padStart(digits, '0').replace(/0+$/, '');
  return `${value / scale}${fraction ? `.${fraction}` : ''}`;
}

/**
 * A non-negative duration written as Go's Duration.String writes it: below a second in the largest fitting unit
 * of ns, µs and ms (`"1.5ms"`); otherwise as hours, minutes and seconds, leading zero parts left out
 * (`"2s"`, `"1m30s"`, `"1h0m0.5s"`). configtxgen writes the orderer's BatchTimeout this way.
 */
export function formatGoDuration(nanos: bigint): string {
  if (nanos === 0n) return '0s';
  if (nanos < 1_000n) return `${nanos}ns`;
  if (nanos < 1_000_000n) return `${decimal(nanos, 3)}\u00b5s`;
  if (nanos < 1_000_000_000n) return `${decimal(nanos, 6)}ms`;
  const seconds = `${decimal(nanos % UNIT_NANOS.m, 9)}s`;
  const minutes = nanos / UNIT_NANOS.m;
  if (minutes === 0n) return seconds;
  const hours = minutes / 60n;
  return `${hours > 0n ? `${hours}h` : ''}${minutes % 60n}m${seconds}`;
}
