import type { ClockPort } from '../../src/ports';

interface Timer {
  at: number;
  resolve: () => void;
}

/**
 * A clock that moves only when the test says so. Its time is the fake ledger's time (`source`), so the
 * agents' clock and the transaction timestamps the chaincode records stay one and the same.
 */
export class FakeClock implements ClockPort {
  private timers: Timer[] = [];

  constructor(private readonly source: { now(): Date; advance(seconds: number): void }) {}

  now(): Date {
    return this.source.now();
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const onAbort = () => {
        this.timers = this.timers.filter((t) => t !== timer);
        resolve();
      };
      const timer: Timer = {
        at: this.now().getTime() + ms,
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      this.timers.push(timer);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Number of sleeps waiting. */
  get pending(): number {
    return this.timers.length;
  }

  /** Moves time forward by `ms` and wakes every sleep that is due. */
  advance(ms: number): void {
    this.source.advance(ms / 1000);
    const now = this.now().getTime();
    const due = this.timers.filter((t) => t.at <= now);
    this.timers = this.timers.filter((t) => t.at > now);
    due.sort((a, b) => a.at - b.at).forEach((t) => t.resolve());
  }

  /** Moves time to the earliest pending sleep (if any) and wakes it. */
  advanceToNext(): boolean {
    if (this.timers.length === 0) return false;
    const next = Math.min(...this.timers.map((t) => t.at));
    this.advance(Math.max(0, next - this.now().getTime()));
    return true;
  }
}
