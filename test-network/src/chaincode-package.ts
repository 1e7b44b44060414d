import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { tarGz, TarEntry } from './tar-writer';

export interface ChaincodePackage {
  label: string;
  file: string;
  /** `label:sha256(package bytes)`, as the peer computes it. */
  packageId: string;
  sha256: string;
}

function walk(dir: string, root = dir): TarEntry[] {
  const entries: TarEntry[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (name === 'node_modules') continue;
    if (statSync(full).isDirectory()) entries.push(...walk(full, root));
    else entries.push({ path: relative(root, full), content: readFileSync(full) });
  }
  return entries;
}

/**
 * Makes sure the package has a lock file, so that the peer's `npm ci --omit=dev` installs exactly what was
 * tested. The lock file is generated in a scratch copy, never in the source folder.
 */
function withLockFile(sourceDir: string): { dir: string; cleanup: () => void } {
  const files = walk(sourceDir);
  if (files.some((f) => f.path === 'package-lock.json')) return { dir: sourceDir, cleanup: () => undefined };
  const scratch = mkdtempSync(join(tmpdir(), 'opssc-cc-'));
  for (const f of files) {
    execFileSync('mkdir', ['-p', join(scratch, f.path, '..')]);
    writeFileSync(join(scratch, f.path), f.content);
  }
  execFileSync('npm', ['install', '--package-lock-only', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: scratch, stdio: 'ignore' });
  return { dir: scratch, cleanup: () => rmSync(scratch, { recursive: true, force: true }) };
}

/**
 * Builds a standard `type: node` chaincode package from a folder holding package.json and the code, exactly as
 * `peer lifecycle chaincode package --lang node` lays it out: metadata.json plus code.tar.gz with the sources under src/.
 */
export function packageNodeChaincode(sourceDir: string, label: string, outFile: string): ChaincodePackage {
  const { dir, cleanup } = withLockFile(sourceDir);
  try {
    const code = tarGz(walk(dir).map((e) => ({ ...e, path: `src/${e.path}` })));
    const metadata = Buffer.from(JSON.stringify({ path: '', type: 'node', label }));
    const pkg = tarGz([
      { path: 'metadata.json', content: metadata },
      { path: 'code.tar.gz', content: code },
    ]);
    writeFileSync(outFile, pkg);
    const sha256 = createHash('sha256').update(pkg).digest('hex');
    return { label, file: outFile, packageId: `${label}:${sha256}`, sha256 };
  } finally {
    cleanup();
  }
}
