import type { Clock } from '../deps';

interface Window {
  startedAt: number;
  failures: number;
}

/** Bounds of the limiter. */
export interface FailureLimit {
  /** Failures allowed per window; the next attempt is refused. */
  maxFailures: number;
  windowMs: number;
}

/**
 * Counts authentication failures per key (client IP, invitation id) in fixed windows. Only failures
 * count, so a legitimate joiner is never throttled, while guessing tokens stops after a handful of tries.
 * State is per process: each replica limits on its own, which still bounds guessing per replica.
 */
export class FailureRateLimiter {
  readonly #windows = new Map<string, Window>();

  constructor(
    private readonly limit: FailureLimit,
    private readonly clock: Clock,
  ) {}

  /** How many keys have a live window (for monitoring and tests). */
  get trackedKeys(): number {
    return this.#windows.size;
  }

  /** Seconds until `key` may try again, or 0 when it is not blocked. */
  retryAfterSeconds(key: string): number {
    const window = this.#current(key);
    if (!window || window.failures < this.limit.maxFailures) {
      return 0;
    }
    return Math.max(1, Math.ceil((window.startedAt + this.limit.windowMs - this.clock.now().getTime()) / 1000));
  }

  /** Records one failed attempt for `key`. */
  recordFailure(key: string): void {
    const now = this.clock.now().getTime();
    const window = this.#current(key) ?? { startedAt: now, failures: 0 };
    window.failures += 1;
    this.#windows.set(key, window);
    // Expired windows are dropped lazily so that a flood of distinct keys cannot grow memory without bound.
    if (this.#windows.size > 10_000) {
      this.#sweep(now);
    }
  }

  #current(key: string): Window | undefined {
    const window = this.#windows.get(key);
    if (window && window.startedAt + this.limit.windowMs <= this.clock.now().getTime()) {
      this.#windows.delete(key);
      return undefined;
    }
    return window;
  }

  #sweep(now: number): void {
    for (const [key, window] of this.#windows) {
      if (window.startedAt + this.limit.windowMs <= now) {
        this.#windows.delete(key);
      }
    }
    // Still too many live windows (many distinct addresses): forget the oldest, which a Map keeps first.
    for (const key of this.#windows.keys()) {
      if (this.#windows.size <= 10_000) {
        break;
      }
      this.#windows.delete(key);
    }
  }
}
