#!/usr/bin/env node
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { packageConsortiumOps } from './consortium-ops-package';

/** `npm run package -w chaincode`: writes build/consortium_ops.tar.gz (or the given path) and prints its package ID. */
try {
  const out = resolve(process.argv[2] ?? resolve(__dirname, '..', '..', 'build', 'consortium_ops.tar.gz'));
  mkdirSync(dirname(out), { recursive: true });
  const pkg = packageConsortiumOps(out);
  console.log(`${pkg.file}\npackage ID ${pkg.packageId}`);
} catch (err) {
  console.error(`error: ${(err as Error).message}`);
  process.exit(1);
}
