import { classifyBroadcast, classifyLedgerError } from '../../src/ledger/classify-failure';
import { submitTransaction, type SubmitPolicy } from '../../src/ledger/submit-transaction';
import { TransactionInvalidError, TransientError } from '../../src/ledger/transient-error';
import type { BroadcastOutcome, ClockPort, EndorsedTransaction, LedgerPort } from '../../src/ports';

const clock: ClockPort = { now: () => new Date(0), sleep: async () => undefined };
const policy: SubmitPolicy = { maxRounds: 3, maxChecks: 3, backoffMs: 1 };

/** A scripted ledger: each endorsement gets the next script entry; every call is recorded. */
function scriptedLedger(script: (string | Error | { status: (string | Error)[]; submit?: (void | Error)[] })[]) {
  const calls: string[] = [];
  let round = 0;
  const ledger: LedgerPort = {
    evaluate: async () => '',
    async endorse(transaction) {
      const step = script[round++];
      calls.push(`endorse ${transaction} #${round}`);
      if (step instanceof Error) throw step;
      const { status, submit = [] } = typeof step === 'string' ? { status: [step] } : step;
      const txId = `tx${round}`;
      const tx: EndorsedTransaction = {
        transactionId: txId,
        result: '{}',
        async submit() {
          calls.push(`submit ${txId}`);
          const outcome = submit.shift();
          if (outcome instanceof Error) throw outcome;
        },
        async status() {
          calls.push(`status ${txId}`);
          const outcome = status.shift() ?? 'VALID';
          if (outcome instanceof Error) throw outcome;
          return outcome;
        },
      };
      return tx;
    },
  };
  return { ledger, calls };
}

describe('classified retries of consortium_ops transactions', () => {
  it('when the commit is an MVCC conflict, it is retried as a new transaction', async () => {
    const { ledger, calls } = scriptedLedger(['MVCC_READ_CONFLICT', 'VALID']);
    await expect(submitTransaction(ledger, clock, 'TallyProposal', ['p'], policy)).resolves.toMatchObject({ kind: 'committed', transactionId: 'tx2' });
    expect(calls).toEqual(['endorse TallyProposal #1', 'submit tx1', 'status tx1', 'endorse TallyProposal #2', 'submit tx2', 'status tx2']);
  });

  it('when the commit status times out, the SAME transaction is checked again, never a new one', async () => {
    const { ledger, calls } = scriptedLedger([{ status: [new TransientError('deadline exceeded'), 'VALID'] }]);
    await expect(submitTransaction(ledger, clock, 'RecordTaskResult', [], policy)).resolves.toMatchObject({ kind: 'committed', transactionId: 'tx1' });
    expect(calls).toEqual(['endorse RecordTaskResult #1', 'submit tx1', 'status tx1', 'status tx1']);
  });

  it('when sending to the orderer fails transiently, the same signed transaction is resent', async () => {
    const { ledger, calls } = scriptedLedger([{ status: ['VALID'], submit: [new TransientError('unavailable')] }]);
    await submitTransaction(ledger, clock, 'RecordConfigUpdate', [], policy);
    expect(calls).toEqual(['endorse RecordConfigUpdate #1', 'submit tx1', 'submit tx1', 'status tx1']);
  });

  it('when the orderer the gateway picked refuses the send (a new org\'s orderer not on the channel yet), the same transaction is resent', async () => {
    const refused = Object.assign(new Error('ORDERER_REJECTED: RecordTaskResult submit: status=BAD_REQUEST, info=channel creation request not allowed because the orderer system channel is not defined'), { code: 'ORDERER_REJECTED' });
    const { ledger, calls } = scriptedLedger([{ status: ['VALID'], submit: [refused, refused] }]);
    await expect(submitTransaction(ledger, clock, 'RecordTaskResult', [], policy)).resolves.toMatchObject({ kind: 'committed', transactionId: 'tx1' });
    expect(calls).toEqual(['endorse RecordTaskResult #1', 'submit tx1', 'submit tx1', 'submit tx1', 'status tx1']);
  });

  it.each(['SIGNATURE_EXISTS', 'CONFIG_UPDATE_EXISTS', 'RESULT_EXISTS'])('when the chaincode answers %s, the write is already there and counts as done', async (code) => {
    const { ledger, calls } = scriptedLedger([new Error(`10 ABORTED: failed to endorse (Org1MSP@peer: chaincode response 500, ${code}: already)`)]);
    await expect(submitTransaction(ledger, clock, 'X', [], policy)).resolves.toEqual({ kind: 'already-done', code });
    expect(calls).toHaveLength(1);
  });

  it('when the chaincode refuses for another reason, the error is thrown at once and never retried', async () => {
    const { ledger, calls } = scriptedLedger([new Error('INVALID_STATUS_TRANSITION: p is APPLIED')]);
    await expect(submitTransaction(ledger, clock, 'X', [], policy)).rejects.toThrow('INVALID_STATUS_TRANSITION');
    expect(calls).toHaveLength(1);
  });

  it('when the transaction is invalidated for a reason a retry cannot fix, it throws TransactionInvalidError', async () => {
    const { ledger } = scriptedLedger(['ENDORSEMENT_POLICY_FAILURE']);
    await expect(submitTransaction(ledger, clock, 'X', [], policy)).rejects.toBeInstanceOf(TransactionInvalidError);
  });

  it('when conflicts never stop, it gives up with a transient error (the next pass starts from the ledger)', async () => {
    const { ledger, calls } = scriptedLedger(['MVCC_READ_CONFLICT', 'MVCC_READ_CONFLICT', 'PHANTOM_READ_CONFLICT']);
    await expect(submitTransaction(ledger, clock, 'X', [], policy)).rejects.toBeInstanceOf(TransientError);
    expect(calls.filter((c) => c.startsWith('endorse'))).toHaveLength(3);
  });
});

describe('classification', () => {
  it('finds the chaincode code inside the gateway prose, past other WORD: prefixes', () => {
    expect(classifyLedgerError(new Error('PEER_REJECTED: consortium_ops X: 10 ABORTED: failed (a: chaincode response 500, RESULT_EXISTS: done)'))).toEqual({ kind: 'already-done', code: 'RESULT_EXISTS' });
    expect(classifyLedgerError(Object.assign(new Error('NODE_UNAVAILABLE: x'), { retryable: true }))).toEqual({ kind: 'transient' });
    expect(classifyLedgerError(new Error('something odd'))).toEqual({ kind: 'unknown' });
  });

  it.each([
    ['SUCCESS', 'accepted', { status: 'SUCCESS' }],
    ['a read set version mismatch', 'stale', { status: 'BAD_REQUEST', info: "error applying config update to existing channel 'ops-channel': error authorizing update: error validating ReadSet: proposed update requires that key [Group]  /Channel/Application be at version 1, but it is currently at version 2" }],
    ['a write set version mismatch', 'stale', { status: 'BAD_REQUEST', info: 'error validating DeltaSet: attempt to set key [Group]  /Channel/Application/Org3MSP to version 0, but key is at version 0' }],
    ['an unsatisfied mod_policy (same DeltaSet prefix)', 'refused', { status: 'BAD_REQUEST', info: "error validating DeltaSet: policy for [Group]  /Channel/Application not satisfied: implicit policy evaluation failed - 1 sub-policies were satisfied, but this policy requires 2 of the 'Admins' sub-policies to be satisfied" }],
    ['FORBIDDEN', 'refused', { status: 'FORBIDDEN', info: 'not a writer' }],
  ] as [string, string, BroadcastOutcome][])('a broadcast answered with %s is %s', (_name, kind, outcome) => {
    expect(classifyBroadcast(outcome).kind).toBe(kind);
  });
});
