import { gateway as gatewayProto, msp } from '@hyperledger/fabric-protos';
import type { Commit, Contract, Network } from '@hyperledger/fabric-gateway';
import { OpsError } from '@opssc/core';
import type { EvaluateTxName, EventCheckpoint, EventStream, LedgerPort, SubmitResult, SubmitTxName } from '../ledger/ledger-port';
import { classifyLedgerError } from '../ledger/ledger-error';
import { submitWithRetry, type EndorsedTransaction, type RetryPolicy } from '../ledger/submit-with-retry';
import type { Logger } from '../observability/logger';
import type { GatewayConnection } from './gateway-connection';

/** The chaincode's single contract (docs/chaincode-api.md): transactions are `consortium:<Name>`. */
const CONTRACT_NAME = 'consortium';

/** Retry bounds for production: a few new transactions on MVCC conflicts, a few status checks on timeouts. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  maxStatusChecks: 3,
  backoffMs: (n) => Math.min(2000, 100 * 2 ** n) + Math.floor(Math.random() * 100),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** The LedgerPort over fabric-gateway, on the ops channel, as this org's admin. */
export class GatewayLedger implements LedgerPort {
  readonly #network: Network;
  readonly #contract: Contract;

  constructor(
    private readonly connection: GatewayConnection,
    private readonly channel: string,
    private readonly chaincode: string,
    private readonly log: Logger,
    private readonly retry: RetryPolicy = DEFAULT_RETRY_POLICY,
  ) {
    this.#network = connection.gateway.getNetwork(channel);
    this.#contract = this.#network.getContract(chaincode, CONTRACT_NAME);
  }

  async submit(txName: SubmitTxName, args: readonly string[]): Promise<SubmitResult> {
    const committed = await submitWithRetry(() => this.#endorse(txName, args), this.retry, this.log.child({ tx: txName }));
    return { result: parseResult(committed.result), transactionId: committed.transactionId };
  }

  async evaluate(txName: EvaluateTxName, args: readonly string[]): Promise<unknown> {
    try {
      return parseResult(await this.#contract.evaluateTransaction(txName, ...args));
    } catch (err) {
      throw asLedgerError(err);
    }
  }

  async events(from?: EventCheckpoint): Promise<EventStream> {
    const checkpoint = from && { getBlockNumber: () => from.blockNumber, getTransactionId: () => from.transactionId };
    const events = await this.#network.getChaincodeEvents(this.chaincode, checkpoint ? { checkpoint } : undefined);
    const decoder = new TextDecoder();
    return {
      close: () => events.close(),
      async *[Symbol.asyncIterator]() {
        for await (const event of events) {
          const text = decoder.decode(event.payload);
          let payload: unknown = text;
          try {
            payload = JSON.parse(text);
          } catch {
            // A non-JSON payload is passed on as text rather than dropped.
          }
          yield { blockNumber: event.blockNumber, transactionId: event.transactionId, name: event.eventName, payload };
        }
      },
    };
  }

  async ping(): Promise<void> {
    try {
      await this.#network.getContract('qscc').evaluateTransaction('GetChainInfo', this.channel);
    } catch (err) {
      throw asLedgerError(err);
    }
  }

  async #endorse(txName: SubmitTxName, args: readonly string[]): Promise<EndorsedTransaction> {
    const transaction = await this.#contract.newProposal(txName, { arguments: [...args] }).endorse();
    const transactionId = transaction.getTransactionId();
    let commit: Commit | undefined;
    return {
      transactionId,
      result: transaction.getResult(),
      submit: async () => {
        commit = await transaction.submit();
      },
      // When submit never returned, the commit handle is rebuilt from the transaction id: that is
      // how the status of the SAME transaction is checked after an orderer timeout.
      status: () => (commit ?? this.#commitFor(transactionId)).getStatus(),
    };
  }

  #commitFor(transactionId: string): Commit {
    const creator = new msp.SerializedIdentity();
    creator.setMspid(this.connection.mspId);
    creator.setIdBytes(Buffer.from(this.connection.certPem, 'utf8'));
    const request = new gatewayProto.CommitStatusRequest();
    request.setChannelId(this.channel);
    request.setTransactionId(transactionId);
    request.setIdentity(creator.serializeBinary());
    const signed = new gatewayProto.SignedCommitStatusRequest();
    signed.setRequest(request.serializeBinary());
    return this.connection.gateway.newCommit(signed.serializeBinary());
  }
}

function parseResult(bytes: Uint8Array): unknown {
  const text = new TextDecoder().decode(bytes);
  return text === '' ? undefined : JSON.parse(text);
}

function asLedgerError(err: unknown): unknown {
  const kind = classifyLedgerError(err);
  if (kind.kind === 'business' || kind.kind === 'lagging') {
    return kind.error;
  }
  return kind.kind === 'transient' ? new OpsError('UPSTREAM_UNAVAILABLE', 'the peer is unavailable or did not answer in time') : err;
}
