import { canonicalJson } from '@opssc/core';
import { runProposals } from '../../src/cli/proposals-command';
import { eachTestHarness } from './cli-harness';

const policy = { policy: { rule: 'ALL' } };

describe('opssc proposals', () => {
  const h = eachTestHarness();

  /** Creates a SET_VOTING_POLICY proposal through the CLI and returns its id. */
  const createOne = async (): Promise<string> => {
    const run = await h.run(runProposals, ['create', '--type', 'SET_VOTING_POLICY', '--payload', h.file('policy.json', JSON.stringify(policy)), '--json']);
    return (JSON.parse(run.stdout) as { id: string }).id;
  };
  const vote = (id: string, decision: '--approve' | '--reject', env = h.adminEnv(h.org1)) =>
    h.run(runProposals, ['vote', id, decision, '--reason', 'discussed on the call'], { env });

  it('an admin takes a proposal from creation to decision with the CLI alone', async () => {
    const created = await h.run(runProposals, ['create', '--type', 'SET_VOTING_POLICY', '--payload', h.file('policy.json', JSON.stringify(policy)), '--deadline-seconds', '3600']);
    const id = /^created SET_VOTING_POLICY proposal (p-[0-9a-f]{16}): OPEN$/.exec(created.out[0])?.[1] ?? '';
    const listed = await h.run(runProposals, ['list', '--status', 'OPEN']);
    const shown = await h.run(runProposals, ['show', id]);
    const voted = await vote(id, '--approve');
    const waited = await h.run(runProposals, ['wait', id, '--until', 'APPROVED', '--poll-seconds', '2'], {
      onSleep: async () => void (await vote(id, '--approve', h.adminEnv(h.org2))),
    });

    expect([created.code, listed.code, shown.code, voted.code, waited.code]).toEqual([0, 0, 0, 0, 0]);
    expect(h.ledger.submitted('CreateProposal')[0].args).toEqual(['SET_VOTING_POLICY', canonicalJson(policy), '3600']);
    expect(listed.out[1]).toMatch(new RegExp(`^${id}  SET_VOTING_POLICY  OPEN +Org1MSP +- +0✔ 0✘$`));
    expect(JSON.parse(shown.stdout)).toMatchObject({ id, type: 'SET_VOTING_POLICY', status: 'OPEN', payload: policy });
    expect(voted.out).toEqual([`voted approve on ${id}: proposal is OPEN`]);
    expect(waited.out).toEqual([`${id} OPEN`, `${id} APPROVED`]);
  });

  it('reads the payload from stdin with --payload -, and --json prints the created proposal', async () => {
    const run = await h.run(runProposals, ['create', '--type', 'SET_VOTING_POLICY', '--payload', '-', '--json'], { stdin: JSON.stringify(policy) });

    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ type: 'SET_VOTING_POLICY', status: 'OPEN', proposer: 'Org1MSP', payload: policy });
  });

  it('lists a page as a table with header, vote counts per proposal and the cursor of the next page', async () => {
    const [first, second] = [await createOne(), await createOne()];
    await vote(first, '--approve');
    await vote(first, '--reject', h.adminEnv(h.org2));

    const run = await h.run(runProposals, ['list', '--limit', '1']);

    expect(run.code).toBe(0);
    expect(run.out[0]).toMatch(/^ID +TYPE +STATUS +PROPOSER +CREATED +VOTES$/);
    expect(run.out[1]).toMatch(new RegExp(`^${first} .* 1✔ 1✘$`));
    expect(run.out[2]).toBe('more: add --cursor 1');
    expect(run.stdout).not.toContain(second);
  });

  it('list --json prints the page as the server returned it, filters applied', async () => {
    await createOne();

    const run = await h.run(runProposals, ['list', '--type', 'SET_VOTING_POLICY', '--status', 'APPROVED', '--json']);

    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ items: [] });
    expect(h.ledger.calls.at(-1)?.args).toEqual([canonicalJson({ status: 'APPROVED', type: 'SET_VOTING_POLICY' })]);
  });

  it('show prints the whole proposal, with votes and any per-org step arrays the server returns', async () => {
    const id = await createOne();
    await vote(id, '--approve');
    const steps = { deploymentSteps: [{ mspId: 'Org1MSP', kind: 'ORG', status: 'APPROVED' }], channelSteps: [{ mspId: 'Org2MSP', joined: true }] };
    Object.assign(h.ledger.state.proposal(id), steps);

    const run = await h.run(runProposals, ['show', id]);

    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ id, votes: [{ mspId: 'Org1MSP', decision: 'approve', reason: 'discussed on the call' }], ...steps });
  });

  it('when the proposal is rejected, wait exits 1 naming the status', async () => {
    const id = await createOne();
    await vote(id, '--reject');
    await vote(id, '--reject', h.adminEnv(h.org2));

    const run = await h.run(runProposals, ['wait', id]);

    expect(run.code).toBe(1);
    expect(run.err).toEqual([`error: ${id} is REJECTED: no reason recorded`]);
  });

  it('when the apply fails, wait for APPLIED exits 1 with the status reason', async () => {
    const id = await createOne();
    Object.assign(h.ledger.state.proposal(id), { status: 'FAILED', statusReason: 'mychannel: the orderer refused the config update' });

    const run = await h.run(runProposals, ['wait', id, '--until', 'APPLIED']);

    expect(run.code).toBe(1);
    expect(run.err).toEqual([`error: ${id} is FAILED: mychannel: the orderer refused the config update`]);
  });

  it('when the status is past the one waited for, wait is done', async () => {
    const id = await createOne();
    h.ledger.state.proposal(id).status = 'APPLIED';

    const run = await h.run(runProposals, ['wait', id, '--until', 'APPROVED', '--json']);

    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ id, status: 'APPLIED' });
    expect(run.err).toEqual([`${id} APPLIED`]);
  });

  it('when the status is not reached in time, wait exits 1 after the timeout', async () => {
    const id = await createOne();

    const run = await h.run(runProposals, ['wait', id, '--timeout-seconds', '30', '--poll-seconds', '10']);

    expect(run.code).toBe(1);
    expect(run.err).toEqual([`error: timed out after 30s: ${id} is OPEN, not APPLIED`]);
    expect(h.elapsedMs()).toBe(30_000);
    expect(h.ledger.calls.filter((c) => c.name === 'GetProposal')).toHaveLength(4);
  });

  it('when the server fails while waiting, wait asks again instead of giving up', async () => {
    const id = await createOne();
    h.ledger.state.proposal(id).status = 'APPROVED';
    h.ledger.failNext('GetProposal', new Error('peer went away'));

    const run = await h.run(runProposals, ['wait', id, '--until', 'APPROVED']);

    expect(run.code).toBe(0);
    expect(run.err).toEqual([expect.stringMatching(/^\(status unavailable: INTERNAL: correlation id [\w-]+\)$/)]);
    expect(run.out).toEqual([`${id} APPROVED`]);
  });

  it('withdraws a proposal of this org, after which wait exits 1', async () => {
    const id = await createOne();

    const withdrawn = await h.run(runProposals, ['withdraw', id]);
    const waited = await h.run(runProposals, ['wait', id]);

    expect(withdrawn).toMatchObject({ code: 0, out: [`withdrew ${id}: WITHDRAWN`] });
    expect(waited.code).toBe(1);
  });

  it('when the api-server refuses, it exits 1 with the stable code, its message and the HTTP status', async () => {
    const id = await createOne();
    await vote(id, '--approve');

    const run = await vote(id, '--approve');

    expect(run.code).toBe(1);
    expect(run.err).toEqual([`error VOTE_ALREADY_CAST: Org1MSP already voted on ${id} (HTTP 409)`]);
  });

  it('when another org withdraws the proposal, it exits 1 with NOT_PROPOSER', async () => {
    const id = await createOne();

    const run = await h.run(runProposals, ['withdraw', id], { env: h.adminEnv(h.org2) });

    expect(run.code).toBe(1);
    expect(run.err[0]).toMatch(/^error NOT_PROPOSER: .* \(HTTP 403\)$/);
  });

  it('passes any type to the server, which refuses one it does not know with INVALID_ARGUMENT', async () => {
    const run = await h.run(runProposals, ['create', '--type', 'RENAME_CONSORTIUM', '--payload', h.file('p.json', '{"name":"x"}')]);

    expect(run.code).toBe(1);
    expect(run.err[0]).toMatch(/^error INVALID_ARGUMENT: .*\(HTTP 400\)$/);
    expect(h.ledger.submitted()).toEqual([]);
  });
});
