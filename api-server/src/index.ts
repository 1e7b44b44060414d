export * from './app';
export * from './config';
export * from './deps';
export * from './ledger/ledger-port';
export * from './ledger/config-block-port';
export * from './ledger/submit-with-retry';
export * from './observability/logger';
export * from './cli/keygen-command';
