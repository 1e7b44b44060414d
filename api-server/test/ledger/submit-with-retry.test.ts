import { OpsError } from '@opssc/core';
import { submitWithRetry, type CommitOutcome, type EndorsedTransaction, type RetryPolicy } from '../../src/ledger/submit-with-retry';

const VALID = { code: 0, successful: true, blockNumber: 7n };
const MVCC = { code: 11, successful: false, blockNumber: 7n };
const PHANTOM = { code: 12, successful: false, blockNumber: 7n };
const ENDORSEMENT_POLICY_FAILURE = { code: 10, successful: false, blockNumber: 7n };
const timeout = () => Object.assign(new Error('4 DEADLINE_EXCEEDED: Deadline exceeded'), { code: 4 });
const unavailable = () => Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 });

/** What one transaction does when submitted and asked for its status, step by step. */
interface Script {
  submit?: Array<() => void>;
  status: Array<CommitOutcome | (() => never)>;
}

/** A fake ledger client: each endorse() is a new transaction id following the next script. */
class FakeGateway {
  readonly log: string[] = [];
  #count = 0;

  constructor(private readonly scripts: Script[]) {}

  endorse = async (): Promise<EndorsedTransaction> => {
    const script = this.scripts[this.#count];
    const transactionId = `tx${++this.#count}`;
    this.log.push(`endorse ${transactionId}`);
    if (!script) throw new Error('no more scripted transactions');
    return {
      transactionId,
      result: Buffer.from(`{"tx":"${transactionId}"}`),
      submit: async () => {
        this.log.push(`submit ${transactionId}`);
        script.submit?.shift()?.();
      },
      status: async () => {
        this.log.push(`status ${transactionId}`);
        const step = script.status.shift();
        if (!step) throw new Error('no more scripted statuses');
        return typeof step === 'function' ? step() : step;
      },
    };
  };
}

const policy: RetryPolicy = { maxAttempts: 3, maxStatusChecks: 3, backoffMs: () => 0, sleep: async () => undefined };

describe('submitWithRetry', () => {
  it('when the transaction commits, it returns its result and id after one attempt', async () => {
    const gateway = new FakeGateway([{ status: [VALID] }]);
    const committed = await submitWithRetry(gateway.endorse, policy);
    expect(committed).toMatchObject({ transactionId: 'tx1', blockNumber: 7n, attempts: 1 });
    expect(gateway.log).toEqual(['endorse tx1', 'submit tx1', 'status tx1']);
  });

  it('when the commit fails with MVCC_READ_CONFLICT, it retries as a NEW transaction', async () => {
    const gateway = new FakeGateway([{ status: [MVCC] }, { status: [PHANTOM] }, { status: [VALID] }]);
    const committed = await submitWithRetry(gateway.endorse, policy);
    expect(committed.transactionId).toBe('tx3');
    expect(gateway.log).toEqual(['endorse tx1', 'submit tx1', 'status tx1', 'endorse tx2', 'submit tx2', 'status tx2', 'endorse tx3', 'submit tx3', 'status tx3']);
  });

  it('when conflicts persist past the bound, it fails with MVCC_CONFLICT', async () => {
    const gateway = new FakeGateway([{ status: [MVCC] }, { status: [MVCC] }, { status: [MVCC] }]);
    await expect(submitWithRetry(gateway.endorse, policy)).rejects.toMatchObject({ code: 'MVCC_CONFLICT' });
    expect(gateway.log.filter((l) => l.startsWith('endorse'))).toHaveLength(3);
  });

  it('when submit times out, it checks the status of the SAME transaction before anything else', async () => {
    const gateway = new FakeGateway([{ submit: [() => { throw timeout(); }], status: [VALID] }]);
    const committed = await submitWithRetry(gateway.endorse, policy);
    expect(committed.transactionId).toBe('tx1');
    expect(gateway.log).toEqual(['endorse tx1', 'submit tx1', 'status tx1']);
  });

  it('when the status of a transaction the orderer never got is unknown, it resubmits the SAME transaction, never a new one', async () => {
    const gateway = new FakeGateway([{ submit: [() => { throw unavailable(); }], status: [() => { throw timeout(); }, VALID] }]);
    const committed = await submitWithRetry(gateway.endorse, policy);
    expect(committed.transactionId).toBe('tx1');
    expect(gateway.log).toEqual(['endorse tx1', 'submit tx1', 'status tx1', 'submit tx1', 'status tx1']);
  });

  it('when the commit status times out after a good submit, it asks again for the same transaction', async () => {
    const gateway = new FakeGateway([{ status: [() => { throw timeout(); }, VALID] }]);
    await submitWithRetry(gateway.endorse, policy);
    expect(gateway.log).toEqual(['endorse tx1', 'submit tx1', 'status tx1', 'status tx1']);
  });

  it('when the outcome stays unknown, it fails with UPSTREAM_UNAVAILABLE naming the transaction, without a new transaction', async () => {
    const gateway = new FakeGateway([{ status: [() => { throw timeout(); }, () => { throw timeout(); }, () => { throw timeout(); }] }]);
    await expect(submitWithRetry(gateway.endorse, policy)).rejects.toThrow('UPSTREAM_UNAVAILABLE: outcome of transaction tx1 is unknown');
    expect(gateway.log.filter((l) => l.startsWith('endorse'))).toEqual(['endorse tx1']);
  });

  it('when the chaincode refuses with a business error at endorsement, it is thrown at once and never retried', async () => {
    let endorsements = 0;
    const endorse = async (): Promise<EndorsedTransaction> => {
      endorsements += 1;
      throw Object.assign(new Error('10 ABORTED: failed to endorse transaction, see attached details for more info'), {
        code: 10,
        details: [{ address: 'peer0:7051', mspId: 'Org1MSP', message: 'chaincode response 500, VOTE_ALREADY_CAST: Org1MSP already voted on p-1' }],
      });
    };
    const error = await submitWithRetry(endorse, policy).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(OpsError);
    expect(error).toMatchObject({ code: 'VOTE_ALREADY_CAST', detail: 'Org1MSP already voted on p-1' });
    expect(endorsements).toBe(1);
  });

  it('when endorsement is unavailable, it retries as a new transaction since nothing was ordered', async () => {
    let endorsements = 0;
    const gateway = new FakeGateway([{ status: [VALID] }]);
    const endorse = async () => {
      endorsements += 1;
      if (endorsements === 1) throw unavailable();
      return gateway.endorse();
    };
    await expect(submitWithRetry(endorse, policy)).resolves.toMatchObject({ transactionId: 'tx1' });
    expect(endorsements).toBe(2);
  });

  it('when the transaction is invalidated for another reason, it fails without retrying', async () => {
    const gateway = new FakeGateway([{ status: [ENDORSEMENT_POLICY_FAILURE] }, { status: [VALID] }]);
    await expect(submitWithRetry(gateway.endorse, policy)).rejects.toThrow('validation code 10');
    expect(gateway.log.filter((l) => l.startsWith('endorse'))).toEqual(['endorse tx1']);
  });

  it('waits with the policy backoff between retries', async () => {
    const waits: number[] = [];
    const gateway = new FakeGateway([{ status: [MVCC] }, { status: [MVCC] }, { status: [VALID] }]);
    await submitWithRetry(gateway.endorse, { ...policy, backoffMs: (n) => n * 100, sleep: async (ms) => void waits.push(ms) });
    expect(waits).toEqual([100, 200]);
  });

  it("when another org's endorsing peer does not know the proposal yet, it endorses again and commits", async () => {
    const lagging = () => Object.assign(new Error('10 ABORTED: failed to endorse transaction'), { code: 10, details: [{ address: 'peer0.org2:7051', mspId: 'Org2MSP', message: 'chaincode response 500, PROPOSAL_NOT_FOUND: no proposal p-a442a0d0d0ff99f7' }] });
    let endorsements = 0;
    const gateway = new FakeGateway([{ status: [VALID] }]);
    const endorse = async () => {
      if (endorsements++ < 2) throw lagging();
      return gateway.endorse();
    };

    const committed = await submitWithRetry(endorse, policy);

    expect(committed).toMatchObject({ transactionId: 'tx1', attempts: 3 });
  });

  it('when the endorsing peers keep answering PROPOSAL_NOT_FOUND, that business error is the answer', async () => {
    const lagging = () => Object.assign(new Error('10 ABORTED: failed to endorse transaction'), { code: 10, details: [{ message: 'chaincode response 500, PROPOSAL_NOT_FOUND: no proposal p-ffffffffffffffff' }] });
    let endorsements = 0;

    await expect(submitWithRetry(async () => { endorsements++; throw lagging(); }, policy)).rejects.toMatchObject({ code: 'PROPOSAL_NOT_FOUND' });
    expect(endorsements).toBe(policy.maxAttempts);
  });

  it('when a query of its own peer answers PROPOSAL_NOT_FOUND, there is nothing to wait for: it is a business error at once', async () => {
    let endorsements = 0;

    await expect(submitWithRetry(async () => { endorsements++; throw new OpsError('PROPOSAL_NOT_FOUND', 'no proposal'); }, policy)).rejects.toMatchObject({ code: 'PROPOSAL_NOT_FOUND' });
    expect(endorsements).toBe(1);
  });
});
