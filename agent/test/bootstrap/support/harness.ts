import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileBootstrapState, runBootstrap, type BootstrapDeps, type BootstrapResult, type BootstrapStateStore, type BootstrapStepRecord } from '../../../src/bootstrap';
import { memoryLogger } from '../../support/memory-logger';
import { Crash, fakeJoinApi, fakeMembers, fakeOwnOrderer, fakeOwnPeer } from './fake-ports';
import { InstantClock } from './instant-clock';
import type { World } from './world';

/** One agent process bootstrapping against `world`: its ports, its log, its (real, atomic) state file. */
export interface BootstrapRun {
  deps: BootstrapDeps;
  clock: InstantClock;
  lines: () => Record<string, unknown>[];
  run(onStep?: (record: BootstrapStepRecord) => void): Promise<BootstrapResult>;
}

/** A fresh state directory, shared by the process and its restarts. */
export function stateFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'opssc-bootstrap-')), 'bootstrap.json');
}

/** Wires one bootstrap process; `crash` kills it at a chosen point, as a process death would. */
export function bootstrapProcess(world: World, file: string, crash = new Crash(), options: { orderer?: boolean } = {}): BootstrapRun {
  const clock = new InstantClock();
  const { logger, lines } = memoryLogger(world.mspId);
  const files = new FileBootstrapState(file, world.mspId);
  const state: BootstrapStateStore = {
    load: async () => {
      crash.check('state.load', world);
      return files.load();
    },
    save: async (next) => {
      crash.check('state.save', world);
      await files.save(next);
      crash.saved();
    },
  };
  const deps: BootstrapDeps = {
    joinApi: fakeJoinApi(world, crash),
    members: fakeMembers(world, crash),
    peer: fakeOwnPeer(world, crash),
    ...(options.orderer === false ? {} : { orderer: fakeOwnOrderer(world, crash) }),
    state,
    clock,
    logger,
  };
  return { deps, clock, lines, run: (onStep) => runBootstrap(deps, { mspId: world.mspId, pollInitialMs: 1_000, pollMaxMs: 8_000, catchUpPollMs: 100, ...(onStep ? { onStep } : {}) }) };
}
