import { buildSync } from 'esbuild';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChaincodePackage, packageNodeChaincode } from './chaincode-package';
import { repoRoot } from './run-layout';

/** The packages a stock Fabric peer's node builder installs with `npm ci --omit=dev`; everything else is bundled. */
const RUNTIME_DEPENDENCIES = ['fabric-contract-api', 'fabric-shim'];

/**
 * Packages the consortium_ops chaincode so that it installs on a stock Fabric 2.5 peer: the compiled chaincode and
 * the shared core it imports are bundled into one file, and package.json lists only the Fabric runtime, which the
 * peer installs from the generated lock file. Needs `npm run build` first (decorator metadata comes from tsc).
 */
export function packageConsortiumOps(outFile: string, label = 'consortium_ops_1.0'): ChaincodePackage {
  const chaincodeDir = join(repoRoot, 'chaincode');
  const manifest = JSON.parse(readFileSync(join(chaincodeDir, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string> };
  const staging = mkdtempSync(join(tmpdir(), 'consortium-ops-'));
  try {
    mkdirSync(join(staging, 'dist'));
    buildSync({
      entryPoints: [join(chaincodeDir, 'dist', 'index.js')],
      outfile: join(staging, 'dist', 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node18',
      format: 'cjs',
      external: RUNTIME_DEPENDENCIES,
      legalComments: 'none',
      logLevel: 'error',
    });
    const dependencies = Object.fromEntries(RUNTIME_DEPENDENCIES.map((d) => [d, manifest.dependencies[d]]));
    writeFileSync(
      join(staging, 'package.json'),
      JSON.stringify({ name: 'consortium_ops', version: manifest.version, private: true, main: 'dist/index.js', scripts: { start: 'fabric-chaincode-node start' }, dependencies }, null, 2),
    );
    return packageNodeChaincode(staging, label, outFile);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
