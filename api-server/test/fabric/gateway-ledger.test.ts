import { gateway as gatewayProto } from '@hyperledger/fabric-protos';
import type { Gateway } from '@hyperledger/fabric-gateway';
import { GatewayLedger } from '../../src/fabric/gateway-ledger';
import { silentLogger } from '../support/silent-logger';

const unavailable = () => Object.assign(new Error('14 UNAVAILABLE: orderer down'), { code: 14 });

/** A gateway whose submit fails once, so the status must be read through a rebuilt commit. */
function fakeGateway(log: string[]): Gateway {
  const contract = {
    newProposal: (name: string, options: { arguments: string[] }) => ({
      endorse: async () => {
        log.push(`endorse ${name} ${options.arguments.join(',')}`);
        return {
          getTransactionId: () => 'abc123',
          getResult: () => Buffer.from('{"ok":true}'),
          submit: async () => {
            log.push('submit abc123');
            throw unavailable();
          },
        };
      },
    }),
    evaluateTransaction: async () => {
      throw Object.assign(new Error('2 UNKNOWN: evaluate call to endorser returned error: chaincode response 500, MEMBER_NOT_FOUND: no member X'), {
        code: 2,
        details: [],
      });
    },
  };
  const network = { getContract: () => contract };
  return {
    getNetwork: () => network,
    newCommit: (bytes: Uint8Array) => {
      const request = gatewayProto.CommitStatusRequest.deserializeBinary(gatewayProto.SignedCommitStatusRequest.deserializeBinary(bytes).getRequest_asU8());
      log.push(`status ${request.getTransactionId()} on ${request.getChannelId()}`);
      return { getStatus: async () => ({ code: 0, successful: true, blockNumber: 9n, transactionId: request.getTransactionId() }) };
    },
  } as unknown as Gateway;
}

describe('GatewayLedger', () => {
  const connection = (log: string[]) => ({ gateway: fakeGateway(log), mspId: 'Org1MSP', certPem: 'CERT', close: () => undefined });
  const retry = { maxAttempts: 2, maxStatusChecks: 2, backoffMs: () => 0, sleep: async () => undefined };

  it('when the orderer is unavailable at submit, it reads the commit status of the same transaction id', async () => {
    const log: string[] = [];
    const ledger = new GatewayLedger(connection(log), 'ops-channel', 'consortium_ops', silentLogger(), retry);
    const committed = await ledger.submit('CastVote', ['p-1', 'approve', 'ok']);
    expect(committed).toEqual({ result: { ok: true }, transactionId: 'abc123' });
    expect(log).toEqual(['endorse CastVote p-1,approve,ok', 'submit abc123', 'status abc123 on ops-channel']);
  });

  it('turns a chaincode error on evaluate into its stable code', async () => {
    const ledger = new GatewayLedger(connection([]), 'ops-channel', 'consortium_ops', silentLogger(), retry);
    await expect(ledger.evaluate('GetMember', ['X'])).rejects.toMatchObject({ code: 'MEMBER_NOT_FOUND', detail: 'no member X' });
  });
});
