export * from './read-msp-folder';
