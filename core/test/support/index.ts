export * from './test-keys';
export * from './test-ca';
export * from './cert-tree';
export * from './join-request-fixture';
