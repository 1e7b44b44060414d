export * from './broadcaster-port';
export * from './chaincode-definitions-port';
export * from './clock-port';
export * from './config-fetcher-port';
export * from './events-port';
export * from './ledger-port';
export * from './signer-port';
export * from './chaincode-deployer-port';
