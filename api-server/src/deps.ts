import type { ConfigBlockPort } from './ledger/config-block-port';
import type { LedgerPort } from './ledger/ledger-port';
import type { Logger } from './observability/logger';

/** The wall clock; injected so tests control expiry. */
export interface Clock {
  now(): Date;
}

/** Cryptographically secure random bytes; injected so tests can make tokens predictable. */
export interface RandomSource {
  bytes(size: number): Buffer;
}

/** The ports `createApp` is wired with: fabric-gateway adapters in main.ts, fakes in tests. */
export interface AppDeps {
  ledger: LedgerPort;
  configBlocks: ConfigBlockPort;
  clock: Clock;
  logger: Logger;
  random: RandomSource;
}
