import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliDeps } from '../../src/cli/api-command';
import { httpProposalsApiClient } from '../../src/cli/proposals-api-client';
import { FakeClock } from '../support/fake-clock';
import { FakeLedger } from '../support/fake-ledger';
import { startTestServer, type TestServer } from '../support/test-server';
export { chaincodePackage } from '../support/chaincode-package';

/** What one CLI run printed, and its exit code. */
export interface CliRun {
  code: number;
  out: string[];
  err: string[];
  /** stdout as one string, for commands that print JSON. */
  stdout: string;
}

/** Per-run overrides: the environment, stdin, and what happens while the command sleeps between polls. */
export interface RunOptions {
  env?: Record<string, string | undefined>;
  stdin?: string;
  onSleep?: (ms: number) => void | Promise<void>;
}

/** A command group entry point, such as runProposals. */
export type CliGroup = (argv: string[], deps: CliDeps) => Promise<number>;

/**
 * Two orgs' real api-servers over one fake ledger (org1 stores chaincode packages in a real directory),
 * a scratch directory for input files, and a runner that drives a command group through the real
 * fetch client with a virtual clock. Every line any run printed is kept, so tests can check for secrets.
 */
export interface CliHarness {
  org1: TestServer;
  org2: TestServer;
  ledger: FakeLedger;
  dir: string;
  /** org1's OPSSC_CHAINCODE_PACKAGES_DIR. */
  packagesDir: string;
  /** Every line printed by every run so far. */
  printed: string[];
  /** The API keys of either org that appear in anything printed so far: always none. */
  leakedKeys(extra?: string[]): string[];
  /** The virtual time (ms) runs have slept through. */
  elapsedMs(): number;
  /** Writes a file into the scratch directory and returns its path. */
  file(name: string, content: string | Buffer): string;
  /** Runs a command group as org1's admin (OPSSC_API_URL and OPSSC_API_KEY set), unless `env` says otherwise. */
  run(group: CliGroup, argv: string[], options?: RunOptions): Promise<CliRun>;
  /** The environment of an org's admin. */
  adminEnv(server: TestServer): Record<string, string>;
  close(): Promise<void>;
}

export async function startCliHarness(): Promise<CliHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'opssc-cli-'));
  const clock = new FakeClock();
  const ledger = new FakeLedger(clock);
  const packagesDir = mkdtempSync(join(dir, 'packages-'));
  const org1 = await startTestServer({ orgMspId: 'Org1MSP', ledger, clock, packagesDir });
  const org2 = await startTestServer({ orgMspId: 'Org2MSP', ledger, clock });
  const printed: string[] = [];
  let now = Date.parse('2030-01-01T00:00:00Z');
  const started = now;
  const adminEnv = (server: TestServer) => ({ OPSSC_API_URL: server.url, OPSSC_API_KEY: server.keys.admin });
  return {
    org1,
    org2,
    ledger,
    dir,
    packagesDir,
    printed,
    leakedKeys: (extra = []) => {
      const all = printed.join('\n');
      return [org1.keys.admin, org1.keys.viewer, org2.keys.admin, org2.keys.viewer, ...extra].filter((key) => all.includes(key));
    },
    elapsedMs: () => now - started,
    file: (name, content) => {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
    adminEnv,
    run: async (group, argv, options = {}) => {
      const out: string[] = [];
      const err: string[] = [];
      const deps: CliDeps = {
        env: options.env ?? adminEnv(org1),
        readText: (path) => readFileSync(path, 'utf8'),
        readBytes: (path) => readFileSync(path),
        readStdin: async () => options.stdin ?? '',
        connect: (connection) => httpProposalsApiClient(connection),
        out: (line) => {
          out.push(line);
          printed.push(line);
        },
        err: (line) => {
          err.push(line);
          printed.push(line);
        },
        sleep: async (ms) => {
          now += ms;
          await options.onSleep?.(ms);
        },
        now: () => now,
      };
      const code = await group(argv, deps);
      return { code, out, err, stdout: out.join('\n') };
    },
    close: async () => {
      await Promise.all([org1.close(), org2.close()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}


/**
 * A fresh harness for each test of the calling `describe`, closed after it; each test also checks that
 * no API key leaked into anything printed. The returned object stands for the current test's harness.
 */
export function eachTestHarness(): CliHarness {
  let h: CliHarness | undefined;
  beforeEach(async () => {
    h = await startCliHarness();
  });
  afterEach(async () => {
    expect(h?.leakedKeys()).toEqual([]);
    await h?.close();
  });
  return new Proxy({} as CliHarness, {
    get(_target, property) {
      if (!h) throw new Error('the CLI harness exists only inside a test');
      return Reflect.get(h, property);
    },
  });
}
