/** Exponential backoff between polls: `initialMs`, doubled after each wait up to `maxMs`, back to `initialMs` after progress. */
export class Backoff {
  private current: number;

  constructor(
    private readonly initialMs: number,
    private readonly maxMs: number,
  ) {
    this.current = initialMs;
  }

  /** The pause to take now; the next one is twice as long (capped). */
  next(): number {
    const delay = this.current;
    this.current = Math.min(this.maxMs, this.current * 2);
    return delay;
  }

  reset(): void {
    this.current = this.initialMs;
  }
}
