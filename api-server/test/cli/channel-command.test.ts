import { canonicalJson } from '@opssc/core';
import { runChannel } from '../../src/cli/channel-command';
import { eachTestHarness } from './cli-harness';

/** The CREATE_CHANNEL example of the README: everything but channel and members is optional. */
const spec = {
  channel: 'mychannel2',
  members: ['Org1MSP', 'Org2MSP'],
  consenters: ['Org1MSP', 'Org2MSP'],
  policies: { admins: 'MAJORITY', endorsement: 'MAJORITY', lifecycleEndorsement: 'MAJORITY' },
  batch: { timeout: '2s', maxMessageCount: 500, absoluteMaxBytes: 10485760, preferredMaxBytes: 2097152 },
};

describe('opssc channel', () => {
  const h = eachTestHarness();

  it('update proposes UPDATE_CHANNEL with an inline change', async () => {
    const change = { kind: 'SET_BATCH_TIMEOUT', timeout: '250ms' };

    const run = await h.run(runChannel, ['update', '--channel', 'mychannel', '--change', JSON.stringify(change)]);

    expect(run.code).toBe(0);
    expect(run.out).toEqual([expect.stringMatching(/^created UPDATE_CHANNEL proposal p-[0-9a-f]{16}: OPEN$/)]);
    expect(h.ledger.submitted('CreateProposal')[0].args).toEqual(['UPDATE_CHANNEL', canonicalJson({ channel: 'mychannel', change }), '']);
  });

  it('update reads the change from @file, with a description and a deadline', async () => {
    const change = { kind: 'SET_ANCHOR_PEERS', mspId: 'Org2MSP', peers: [{ host: 'peer0.org2.example.com', port: 9051 }] };
    const file = h.file('change.json', JSON.stringify(change));

    const run = await h.run(runChannel, ['update', '--channel', 'mychannel', '--change', `@${file}`, '--description', 'new anchor', '--deadline-seconds', '7200']);

    expect(run.code).toBe(0);
    expect(h.ledger.submitted('CreateProposal')[0].args).toEqual(['UPDATE_CHANNEL', canonicalJson({ channel: 'mychannel', change, description: 'new anchor' }), '7200']);
  });

  it('update passes change kinds through, so the server decides which it knows', async () => {
    const run = await h.run(runChannel, ['update', '--channel', 'mychannel', '--change', '{"kind":"RENAME_CHANNEL","name":"other"}']);

    expect(run.code).toBe(1);
    expect(run.err[0]).toMatch(/^error INVALID_ARGUMENT: payload\.change\.kind: .*\(HTTP 400\)$/);
    expect(h.ledger.submitted()).toEqual([]);
  });

  it('when --change is not JSON, update exits 2 with its usage before calling the server', async () => {
    const run = await h.run(runChannel, ['update', '--channel', 'mychannel', '--change', 'kind=ADD_ORG']);

    expect(run.code).toBe(2);
    expect(run.err[0]).toMatch(/^opssc: --change: the value is not JSON \(/);
    expect(run.err[1]).toMatch(/^usage: opssc channel update /);
    expect(h.ledger.calls).toEqual([]);
  });

  it('create proposes CREATE_CHANNEL with the spec file as its payload, untouched', async () => {
    const run = await h.run(runChannel, ['create', '--spec', h.file('mychannel2.json', JSON.stringify(spec)), '--deadline-seconds', '86400']);

    expect(run.code).toBe(0);
    expect(run.out).toEqual([expect.stringMatching(/^created CREATE_CHANNEL proposal p-[0-9a-f]{16}: OPEN$/)]);
    expect(h.ledger.submitted('CreateProposal')[0].args).toEqual(['CREATE_CHANNEL', canonicalJson(spec), '86400']);
  });

  it('when the spec breaks a server rule, create exits 1 with the server refusal', async () => {
    const run = await h.run(runChannel, ['create', '--spec', h.file('bad.json', JSON.stringify({ channel: 'mychannel2', members: [] }))]);

    expect(run.code).toBe(1);
    expect(run.err[0]).toMatch(/^error INVALID_ARGUMENT: payload\.members: .*\(HTTP 400\)$/);
    expect(h.ledger.submitted()).toEqual([]);
  });

  it('create reads the spec from stdin with --spec -, and a spec that is not JSON exits 2 before calling the server', async () => {
    const run = await h.run(runChannel, ['create', '--spec', '-'], { stdin: 'channel: mychannel2' });

    expect(run.code).toBe(2);
    expect(run.err[0]).toMatch(/^opssc: --spec: stdin is not JSON \(/);
    expect(h.ledger.calls).toEqual([]);
  });
});
