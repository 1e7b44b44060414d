import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The Fabric binaries the harness needs, and where Fabric's sample configs are. */
export interface FabricInstall {
  version: string;
  binDir: string;
  caBinDir: string;
  /** Directory holding Fabric's sample core.yaml and orderer.yaml, used as templates at run time. */
  configDir: string;
}

export const FABRIC_TOOLS = ['peer', 'orderer', 'configtxgen', 'configtxlator', 'osnadmin'] as const;
export const CA_TOOLS = ['fabric-ca-server', 'fabric-ca-client'] as const;

/**
 * Fabric releases to try, newest first. Fabric's module path has no /v2, so release tags cannot be used as
 * Go versions; each release is named by its commit, or by its exact pseudo-version where a module proxy only
 * serves exact versions (some mirrors refuse to resolve commit hashes).
 */
const FABRIC_CANDIDATES = [
  { version: '2.5.16', rev: 'f871cf92a026' },
  { version: '2.5.15', rev: '83c7930b3ea7' },
  { version: '2.5.9', rev: 'v0.0.0-20240618194258-7c3876255bf0' },
];
const CA_VERSION = '1.5.21';

/** The per-user cache; never inside the repository. */
export function cacheRoot(): string {
  return process.env.OPSSC_CACHE_DIR ?? join(homedir(), '.cache', 'opssc');
}

function hasAll(dir: string, tools: readonly string[]): boolean {
  return tools.every((tool) => existsSync(join(dir, tool)));
}

/**
 * Finds the Fabric binaries without building anything: `OPSSC_FABRIC_BIN` (a directory with the Fabric and
 * Fabric CA binaries, e.g. an unpacked official release's bin/) wins; otherwise the cache.
 */
export function findFabric(): FabricInstall | undefined {
  const fromEnv = process.env.OPSSC_FABRIC_BIN;
  if (fromEnv) {
    if (!hasAll(fromEnv, [...FABRIC_TOOLS, ...CA_TOOLS])) {
      throw new Error(`OPSSC_FABRIC_BIN=${fromEnv} does not hold all of ${[...FABRIC_TOOLS, ...CA_TOOLS].join(', ')}`);
    }
    const configDir = process.env.OPSSC_FABRIC_CONFIG ?? join(fromEnv, '..', 'config');
    if (!existsSync(join(configDir, 'core.yaml'))) {
      throw new Error(`no core.yaml in ${configDir}; set OPSSC_FABRIC_CONFIG to Fabric's config directory`);
    }
    return { version: 'external', binDir: fromEnv, caBinDir: fromEnv, configDir };
  }
  const caBinDir = join(cacheRoot(), `fabric-ca-${CA_VERSION}`, 'bin');
  if (!hasAll(caBinDir, CA_TOOLS)) return undefined;
  for (const candidate of FABRIC_CANDIDATES) {
    const root = join(cacheRoot(), `fabric-${candidate.version}`);
    const binDir = join(root, 'bin');
    const configDir = join(root, 'config');
    if (hasAll(binDir, FABRIC_TOOLS) && existsSync(join(configDir, 'core.yaml'))) {
      return { version: candidate.version, binDir, caBinDir, configDir };
    }
  }
  return undefined;
}

/** Like findFabric, but builds into the cache with `go install` when nothing is found. Prints progress. */
export function ensureFabric(log: (line: string) => void = (line) => console.log(line)): FabricInstall {
  const found = findFabric();
  if (found) return found;
  requireGo();
  const caBinDir = join(cacheRoot(), `fabric-ca-${CA_VERSION}`, 'bin');
  if (!hasAll(caBinDir, CA_TOOLS)) {
    log(`building Fabric CA v${CA_VERSION} into ${caBinDir} (first time only; a few minutes)`);
    buildFromModule('github.com/hyperledger/fabric-ca', `v${CA_VERSION}`, ['./cmd/fabric-ca-server', './cmd/fabric-ca-client'], caBinDir, [], log);
  }
  const failures: string[] = [];
  for (const candidate of FABRIC_CANDIDATES) {
    const root = join(cacheRoot(), `fabric-${candidate.version}`);
    log(`building Fabric v${candidate.version} (${candidate.rev}) into ${root}/bin (first time only; a few minutes)`);
    try {
      const ldflags = [`-ldflags=-X github.com/hyperledger/fabric/common/metadata.Version=${candidate.version}`];
      const moduleDir = buildFromModule('github.com/hyperledger/fabric', candidate.rev, FABRIC_TOOLS.map((t) => `./cmd/${t}`), join(root, 'bin'), ldflags, log);
      // Fabric's sample configs are templates for the per-node configs generated at run time.
      mkdirSync(join(root, 'config'), { recursive: true });
      for (const file of ['core.yaml', 'orderer.yaml', 'configtx.yaml']) {
        execFileSync('cp', [join(moduleDir, 'sampleconfig', file), join(root, 'config', file)]);
      }
      return { version: candidate.version, binDir: join(root, 'bin'), caBinDir, configDir: join(root, 'config') };
    } catch (err) {
      const reason = (err as Error).message.split('\n')[0];
      log(`  Fabric v${candidate.version} is not available here: ${reason}`);
      failures.push(`v${candidate.version}: ${reason}`);
    }
  }
  throw new Error(`could not build any Fabric v2.5 release:\n  ${failures.join('\n  ')}`);
}

function requireGo(): void {
  const probe = spawnSync('go', ['version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      'Go is not installed, and the Fabric binaries are not in the cache.\n' +
        'Install Go 1.22 or newer (https://go.dev/doc/install) and run `npm run fabric:install`,\n' +
        "or unpack Fabric's official v2.5 release and Fabric CA v1.5 and set OPSSC_FABRIC_BIN to their bin/ directory.",
    );
  }
}

/**
 * Downloads one exact module version and builds commands from inside it. Building inside the module (rather than
 * `go install pkg@version`) uses the module's own go.mod and avoids the @latest and deprecation look-ups that
 * some proxies refuse.
 */
function buildFromModule(modulePath: string, version: string, packages: string[], binDir: string, extraFlags: string[], log: (line: string) => void): string {
  const env = { ...process.env, GONOSUMDB: modulePath, GOFLAGS: '-mod=mod', CGO_ENABLED: '1' };
  const info = spawnSync('go', ['mod', 'download', '-json', `${modulePath}@${version}`], { encoding: 'utf8', env, cwd: cacheDirForGo() });
  const parsed = JSON.parse(info.stdout || '{}') as { Dir?: string; Error?: string };
  if (!parsed.Dir) throw new Error(parsed.Error ?? info.stderr ?? 'go mod download failed');
  log(`  module ${modulePath}@${version} downloaded; compiling ${packages.length} commands`);
  mkdirSync(binDir, { recursive: true });
  const started = Date.now();
  const build = spawnSync('go', ['install', ...extraFlags, ...packages], { cwd: parsed.Dir, env: { ...env, GOBIN: binDir }, stdio: ['ignore', 'inherit', 'inherit'] });
  if (build.status !== 0) throw new Error(`go install failed in ${parsed.Dir}`);
  log(`  built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return parsed.Dir;
}

function cacheDirForGo(): string {
  const dir = cacheRoot();
  mkdirSync(dir, { recursive: true });
  return dir;
}
