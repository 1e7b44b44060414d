/**
 * The bootstrap's progress, kept in a file so that a crash at any step resumes there. Each finished
 * step is recorded by id (`peer:ops-channel`, `install:mychannel:sample:1`, ...) right after its effect;
 * a step that crashed between its effect and the record runs again, which is safe because every step
 * first looks at the node (already joined, installed, approved, active) before acting.
 */
export interface BootstrapState {
  version: 1;
  /** The org the file belongs to: a file of another org is refused. */
  mspId: string;
  proposalId?: string;
  /** Ids of the steps already done, in the order they finished. */
  done: string[];
  /** Set once the org is ACTIVE: the next runs do nothing. */
  completedAt?: string;
}

/** Reads and saves the bootstrap state. `save` must be atomic: a crash leaves the old or the new state, never a torn one. */
export interface BootstrapStateStore {
  load(): Promise<BootstrapState | undefined>;
  save(state: BootstrapState): Promise<void>;
}

/** The state of a bootstrap that has not started. */
export function initialState(mspId: string): BootstrapState {
  return { version: 1, mspId, done: [] };
}

/** Checks a loaded state's shape; a file of another org, or of an unknown format, is refused rather than guessed at. */
export function checkLoadedState(value: unknown, mspId: string, where: string): BootstrapState {
  const state = value as Partial<BootstrapState> | null;
  const valid =
    state !== null &&
    typeof state === 'object' &&
    state.version === 1 &&
    typeof state.mspId === 'string' &&
    Array.isArray(state.done) &&
    state.done.every((id) => typeof id === 'string') &&
    (state.proposalId === undefined || typeof state.proposalId === 'string');
  if (!valid) {
    throw new Error(`the bootstrap state in ${where} is not a version 1 bootstrap state; move it away to start over`);
  }
  if (state.mspId !== mspId) {
    throw new Error(`the bootstrap state in ${where} belongs to ${state.mspId}, not ${mspId}`);
  }
  return state as BootstrapState;
}
