/** One timed step of a benchmark run: the phase it belongs to, what it did, and how long it took. */
export interface TimedStep {
  phase: string;
  step: string;
  seconds: number;
}

/** Times steps in order and keeps them for the report. */
export class Stopwatch {
  readonly steps: TimedStep[] = [];

  constructor(private readonly log: (line: string) => void = () => undefined) {}

  async time<T>(phase: string, step: string, body: () => Promise<T>): Promise<T> {
    const started = process.hrtime.bigint();
    const value = await body();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    this.steps.push({ phase, step, seconds });
    this.log(`   ${phase} / ${step}: ${seconds.toFixed(2)} s`);
    return value;
  }

  /** Sum of the steps of one phase (all phases when absent). */
  total(phase?: string): number {
    return this.steps.filter((s) => phase === undefined || s.phase === phase).reduce((sum, s) => sum + s.seconds, 0);
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
