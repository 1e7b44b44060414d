import { execFile } from 'node:child_process';
import { createServer, Server } from 'node:net';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { processesUsing } from '../src/network';
import { orgPorts } from '../src/ports';
import { E2E_BASE_PORT } from './support/test-network';

jest.setTimeout(300_000);
const run = promisify(execFile);

/** This suite drives the real CLI, in its own run directory and port range, beside the shared e2e network. */
const RUN_DIR = resolve(__dirname, '..', '..', '.run', 'test-network-cli');
const BASE_PORT = E2E_BASE_PORT + 500;
const CLI = resolve(__dirname, '..', 'dist', 'cli.js');

async function cli(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run('node', [CLI, ...args, '--run-dir', RUN_DIR], { timeout: 240_000 });
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe('network:up, network:status and network:down', () => {
  afterAll(async () => {
    await cli('down');
  });

  it('brings up 3 orgs whose 3 CAs, 3 orderers and 3 peers all report healthy, and down leaves nothing running', async () => {
    const upResult = await cli('up', '--orgs', '3', '--base-port', String(BASE_PORT));
    expect(upResult).toMatchObject({ code: 0 });

    const status = await cli('status');
    expect(status.code).toBe(0);
    const lines = status.out.trim().split('\n');
    expect(lines).toHaveLength(9);
    for (const kind of ['ca', 'orderer', 'peer']) {
      expect(lines.filter((l) => l.includes(` ${kind} `) && l.endsWith('healthy'))).toHaveLength(3);
    }

    expect((await cli('down')).code).toBe(0);
    expect(processesUsing(RUN_DIR)).toEqual([]);
    const afterDown = await cli('status');
    expect(afterDown.out).toContain('no network');
  });

  it('treats a second network:down as a no-op', async () => {
    const result = await cli('down');
    expect(result).toEqual({ code: 0, out: 'nothing was running\n' });
  });

  it.each([
    [['--orgs', '0'], /--orgs must be a whole number from 1 to 8, got 0/],
    [['--orgs', 'abc'], /--orgs needs a whole number, got abc/],
    [['--orgs', '2', '--bogus'], /unknown option --bogus/],
  ])('refuses `up %j` with a clear error and starts nothing', async (args, message) => {
    const result = await cli('up', ...args, '--base-port', String(BASE_PORT));
    expect(result.code).not.toBe(0);
    expect(result.out).toMatch(message);
    expect(processesUsing(RUN_DIR)).toEqual([]);
  });

  it('refuses a base port whose range is already in use, naming the port, and starts nothing', async () => {
    const busy = orgPorts(BASE_PORT, 2).peer;
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(busy, '127.0.0.1', () => r()));
    try {
      const result = await cli('up', '--orgs', '2', '--base-port', String(BASE_PORT));
      expect(result.code).not.toBe(0);
      expect(result.out).toContain(`port ${busy} on 127.0.0.1 is already in use`);
      expect(processesUsing(RUN_DIR)).toEqual([]);
    } finally {
      blocker.close();
    }
  });
});
