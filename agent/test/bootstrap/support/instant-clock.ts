import type { ClockPort } from '../../../src/ports';

/** A clock whose sleeps return at once and move its time forward, so waits and backoff run instantly but are measured. */
export class InstantClock implements ClockPort {
  private time = Date.parse('2030-01-01T00:00:00Z');
  readonly sleeps: number[] = [];

  now(): Date {
    return new Date(this.time);
  }

  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.time += ms;
  }
}
