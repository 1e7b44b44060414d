import { join } from 'node:path';
import { findFabric } from '../../../test-network/src/fabric-binaries';

/**
 * The path of one Fabric binary, found the way the test network finds them (OPSSC_FABRIC_BIN, then the cache).
 * Throws, so that a test depending on it fails rather than silently skipping, with a message saying how to
 * provide it. `npm test` builds the binaries before the suites run.
 */
export function fabricBin(name: 'configtxgen' | 'configtxlator' | 'peer' | 'orderer' | 'osnadmin'): string {
  const fabric = findFabric();
  if (!fabric) {
    throw new Error(`Fabric binary "${name}" not found. Run \`npm run fabric:install\` or set OPSSC_FABRIC_BIN to a directory holding the Fabric binaries.`);
  }
  return join(fabric.binDir, name);
}
