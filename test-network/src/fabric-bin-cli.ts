#!/usr/bin/env node
import { ensureFabric } from './fabric-binaries';

/** `npm run fabric:install`: builds the Fabric binaries into the per-user cache, or reports the ones found. */
try {
  const started = Date.now();
  const fabric = ensureFabric();
  console.log(`Fabric v${fabric.version}: ${fabric.binDir}; Fabric CA: ${fabric.caBinDir} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
} catch (err) {
  console.error(`error: ${(err as Error).message}`);
  process.exit(1);
}
