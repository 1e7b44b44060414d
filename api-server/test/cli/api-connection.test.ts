import { chmodSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { plainHttpWarning } from '../../src/cli/api-options';
import { runProposals } from '../../src/cli/proposals-command';
import { eachTestHarness } from './cli-harness';

describe('opssc api commands: connection and API key', () => {
  const h = eachTestHarness();

  const list = (argv: string[], env: Record<string, string | undefined>) => h.run(runProposals, ['list', ...argv], { env });

  it('when no API key is configured, it says where to put one, exits 2 and calls nothing', async () => {
    const run = await list([], { OPSSC_API_URL: h.org1.url });

    expect(run.code).toBe(2);
    expect(run.err[0]).toBe('opssc: no API key: set OPSSC_API_KEY or pass --api-key-file <path> (create a key with opssc keygen)');
    expect(h.ledger.calls).toEqual([]);
  });

  it('when no api-server is configured, it exits 2 naming --api and OPSSC_API_URL', async () => {
    const run = await list([], { OPSSC_API_KEY: h.org1.keys.admin });

    expect(run.code).toBe(2);
    expect(run.err[0]).toBe('opssc: no api-server: pass --api <url> or set OPSSC_API_URL');
  });

  it.each([['--api-key', 'osk_typed_on_the_command_line'], ['--api-key=osk_typed_on_the_command_line'], ['--token', 'osk_typed_on_the_command_line']])(
    'when the key is given as a flag value (%s), it is refused without being repeated',
    async (...argv) => {
      const run = await list(argv, { OPSSC_API_URL: h.org1.url });

      expect(run.code).toBe(2);
      expect(run.err[0]).toMatch(/^opssc: --(api-key|token) is not accepted: a key on the command line ends up in shell history and ps/);
      expect(h.leakedKeys(['osk_typed_on_the_command_line'])).toEqual([]);
      expect(h.ledger.calls).toEqual([]);
    },
  );

  it('when the key is pasted as an argument by mistake, the usage error does not repeat it', async () => {
    const run = await h.run(runProposals, ['show', 'p-0123456789abcdef', h.org1.keys.admin]);

    expect(run.code).toBe(2);
    expect(run.err[0]).toBe('opssc: expected <id>, got 2 arguments');
    expect(h.leakedKeys()).toEqual([]);
  });

  it('reads the key from --api-key-file (a trailing newline is fine) and the server from --api, over the environment', async () => {
    const keyFile = h.file('org2.key', `${h.org2.keys.viewer}\n`);
    chmodSync(keyFile, 0o600);

    const run = await list(['--api', h.org2.url, '--api-key-file', keyFile, '--json'], { OPSSC_API_URL: 'http://127.0.0.1:1', OPSSC_API_KEY: 'osk_not_this_one' });

    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ items: [] });
    expect(h.ledger.calls).toEqual([expect.objectContaining({ org: 'Org2MSP', name: 'ListProposals' })]);
  });

  it('when the key file cannot be read, it exits 2 naming the file', async () => {
    const run = await list(['--api-key-file', '/nonexistent/org1.key'], { OPSSC_API_URL: h.org1.url });

    expect(run.code).toBe(2);
    expect(run.err[0]).toBe('opssc: cannot read --api-key-file /nonexistent/org1.key: ENOENT');
  });

  it('when the server refuses the key with 401, it exits 1 with UNAUTHENTICATED and never prints the key', async () => {
    const wrongKey = 'osk_this_key_is_not_in_the_keys_file_0123456789';

    const run = await list([], { OPSSC_API_URL: h.org1.url, OPSSC_API_KEY: wrongKey });

    expect(run.code).toBe(1);
    expect(run.err).toEqual(['error UNAUTHENTICATED: invalid API key (HTTP 401)']);
    expect(h.leakedKeys([wrongKey])).toEqual([]);
  });

  it('when a viewer key is used to vote, it exits 1 with the refusal and the key stays unprinted', async () => {
    const run = await h.run(runProposals, ['vote', 'p-0123456789abcdef', '--approve', '--reason', 'ok'], { env: { OPSSC_API_URL: h.org1.url, OPSSC_API_KEY: h.org1.keys.viewer } });

    expect(run.code).toBe(1);
    expect(run.err[0]).toMatch(/^error [A-Z_]+: .*\(HTTP 403\)$/);
    expect(h.leakedKeys()).toEqual([]);
  });

  it('when the key holds characters a header cannot carry, it exits 2 without quoting the key', async () => {
    const badKey = 'osk_first_half second_half';

    const run = await list([], { OPSSC_API_URL: h.org1.url, OPSSC_API_KEY: badKey });

    expect(run.code).toBe(2);
    expect(run.err[0]).toBe('opssc: the API key from OPSSC_API_KEY is empty or holds characters an HTTP header cannot carry');
    expect(h.printed.join('\n')).not.toMatch(/first_half|second_half/);
  });

  it('when the api-server is unreachable, it exits 1 saying so, without the key', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo;
        server.close(() => resolve(port));
      });
    });

    const run = await list(['--api', `http://127.0.0.1:${closedPort}`], h.adminEnv(h.org1));

    expect(run.code).toBe(1);
    expect(run.err).toEqual([`opssc: cannot reach http://127.0.0.1:${closedPort}: ECONNREFUSED`]);
    expect(h.leakedKeys()).toEqual([]);
  });

  it.each([
    ['ftp://api.org1.example.com', 'opssc: --api must be an http(s) URL, got ftp:'],
    ['https://admin:secret@api.org1.example.com', 'opssc: --api must not carry credentials; the API key comes from OPSSC_API_KEY or --api-key-file'],
  ])('when --api is %s, it exits 2', async (api, message) => {
    const run = await list(['--api', api], h.adminEnv(h.org1));

    expect(run.code).toBe(2);
    expect(run.err[0]).toBe(message);
  });

  it('warns when the key would travel unencrypted to another host, not to this one', () => {
    expect(plainHttpWarning('http://api.org1.example.com:8080')).toBe('warning: the API key is sent unencrypted to api.org1.example.com; use https');
    expect(plainHttpWarning('https://api.org1.example.com')).toBeUndefined();
    expect(plainHttpWarning('http://127.0.0.1:8080')).toBeUndefined();
  });
});
