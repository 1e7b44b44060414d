/**
 * Runs tasks one at a time, in the order given. The agent's event handler and its periodic reconcile both
 * drive proposals; serializing them keeps one agent from, say, broadcasting the same update twice.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;

  run<T>(task: () => Promise<T>): Promise<T> {
    this.pending++;
    const result = this.tail.then(task).finally(() => {
      this.pending--;
    });
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** True when no task is queued or running. */
  get idle(): boolean {
    return this.pending === 0;
  }
}
