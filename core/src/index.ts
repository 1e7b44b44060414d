export * from './canonical-json';
export * from './errors';
export * from './msp';
export * from './msp-folder';
export * from './governance';
