import { runChannel } from '../../src/cli/channel-command';
import { runProposals } from '../../src/cli/proposals-command';
import { eachTestHarness } from './cli-harness';

describe('opssc api commands: usage errors', () => {
  const h = eachTestHarness();

  it.each([
    ['create without --type', ['create', '--payload', 'p.json'], 'opssc: --type is required', 'usage: opssc proposals create '],
    ['create without --payload', ['create', '--type', 'SUSPEND_ORG'], 'opssc: --payload is required', 'usage: opssc proposals create '],
    ['create with a payload file that does not exist', ['create', '--type', 'SUSPEND_ORG', '--payload', '/nonexistent/p.json'], 'opssc: --payload: cannot read /nonexistent/p.json (ENOENT)', 'usage: opssc proposals create '],
    ['vote with both --approve and --reject', ['vote', 'p-0123456789abcdef', '--approve', '--reject', '--reason', 'x'], 'opssc: give only one of --approve, --reject', 'usage: opssc proposals vote '],
    ['vote with neither', ['vote', 'p-0123456789abcdef', '--reason', 'x'], 'opssc: one of --approve, --reject is required', 'usage: opssc proposals vote '],
    ['vote with a blank reason', ['vote', 'p-0123456789abcdef', '--approve', '--reason', '  '], 'opssc: --reason is required', 'usage: opssc proposals vote '],
    ['vote without the id', ['vote', '--approve', '--reason', 'x'], 'opssc: expected <id>, got no arguments', 'usage: opssc proposals vote '],
    ['show with two ids', ['show', 'p-1', 'p-2'], 'opssc: expected <id>, got 2 arguments', 'usage: opssc proposals show '],
    ['wait until a status that does not exist', ['wait', 'p-0123456789abcdef', '--until', 'DONE'], expect.stringMatching(/^opssc: --until must be one of OPEN, APPROVED, .*, got DONE$/), 'usage: opssc proposals wait '],
    ['list with an unknown flag', ['list', '--state', 'OPEN'], "opssc: Unknown option '--state'", 'usage: opssc proposals list '],
    ['list with a flag missing its value', ['list', '--status'], "opssc: Option '--status <value>' argument missing", 'usage: opssc proposals list '],
  ])('%s exits 2 with the message and the usage of that command, calling nothing', async (_what, argv, message, usage) => {
    const run = await h.run(runProposals, argv as string[]);

    expect(run.code).toBe(2);
    expect(run.err[0]).toEqual(message);
    expect(run.err[1].startsWith(usage)).toBe(true);
    expect(h.ledger.calls).toEqual([]);
  });

  it('a payload that is not JSON exits 2 with the parse error', async () => {
    const run = await h.run(runProposals, ['create', '--type', 'SUSPEND_ORG', '--payload', h.file('p.json', '{mspId: Org2MSP}')]);

    expect(run.code).toBe(2);
    expect(run.err[0]).toMatch(new RegExp(`^opssc: --payload: ${h.dir}/p.json is not JSON \\(`));
  });

  it('an unknown command exits 2 with the usage of its group', async () => {
    const run = await h.run(runChannel, ['delete', '--channel', 'mychannel']);

    expect(run.code).toBe(2);
    expect(run.err[0]).toBe('opssc channel: unknown command delete');
    expect(run.err[1]).toMatch(/^usage: opssc channel create /);
  });

  it('--help prints the usage of the command on stdout and exits 0', async () => {
    const run = await h.run(runProposals, ['wait', '--help'], { env: {} });

    expect(run.code).toBe(0);
    expect(run.out[0].split('\n')[0]).toBe('usage: opssc proposals wait <id> [--until APPLIED] [--timeout-seconds 600] [--poll-seconds 5] [--json]');
  });
});
