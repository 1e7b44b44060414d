import type { ChaincodeEvent, Checkpointer } from '@hyperledger/fabric-gateway';
import type { AgentPorts } from '../../src/agent';

/** Where a simulated crash hits. */
export type CrashPoint =
  /** right after a channel config was fetched */
  | 'after-fetch'
  /** after the update was signed, before the signature is recorded */
  | 'after-sign'
  /** after the signature was committed on the ledger, before the agent learns it */
  | 'after-signature-recorded'
  /** after the orderer accepted (and committed) the update, before the agent sees the commit */
  | 'after-broadcast'
  /** after the config change committed, before the result is recorded */
  | 'after-commit'
  /** after the result was committed on the ledger, before the agent learns it */
  | 'after-record'
  /** after the result was recorded, when the agent checkpoints the event it was handling */
  | 'before-checkpoint';

/** The error a dead agent's calls fail with. */
export class SimulatedCrash extends Error {
  constructor(point: string) {
    super(`simulated crash (${point})`);
    this.name = 'SimulatedCrash';
  }
}

/**
 * A process death, for one agent instance: once tripped, every call the instance makes through any port
 * throws, so it can no longer change anything. The test then starts a new instance on the same checkpoint
 * file and the same world, as a restarted process would.
 */
export class CrashSwitch {
  crashed = false;
  private armedForCheckpoint = false;

  constructor(readonly point: CrashPoint | undefined) {}

  guard(): void {
    if (this.crashed) throw new SimulatedCrash('dead process');
  }

  trip(point: CrashPoint): never {
    this.crashed = true;
    throw new SimulatedCrash(point);
  }

  /** Wraps an agent's ports so that they die at the crash point. */
  wrap(ports: AgentPorts): AgentPorts {
    const crashAt = (point: CrashPoint) => this.point === point && !this.crashed;
    const guard = () => this.guard();
    const trip = (point: CrashPoint): never => this.trip(point);
    const armCheckpointCrash = () => {
      this.armedForCheckpoint = true;
    };
    return {
      ...ports,
      ledger: {
        async evaluate(transaction, ...args) {
          guard();
          return ports.ledger.evaluate(transaction, ...args);
        },
        async endorse(transaction, ...args) {
          guard();
          if (transaction === 'RecordConfigSignature' && crashAt('after-sign')) trip('after-sign');
          if (transaction === 'RecordTaskResult' && crashAt('after-commit')) trip('after-commit');
          const tx = await ports.ledger.endorse(transaction, ...args);
          return {
            transactionId: tx.transactionId,
            result: tx.result,
            submit: async () => {
              guard();
              await tx.submit();
            },
            status: async () => {
              guard();
              const code = await tx.status();
              if (code === 'VALID' && transaction === 'RecordConfigSignature' && crashAt('after-signature-recorded')) trip('after-signature-recorded');
              if (code === 'VALID' && transaction === 'RecordTaskResult') {
                if (crashAt('after-record')) trip('after-record');
                armCheckpointCrash();
              }
              return code;
            },
          };
        },
      },
      configFetcher: {
        async fetchLatestConfig(channelId) {
          guard();
          const fetched = await ports.configFetcher.fetchLatestConfig(channelId);
          if (fetched && crashAt('after-fetch')) trip('after-fetch');
          return fetched;
        },
      },
      broadcaster: {
        async broadcast(envelope) {
          guard();
          const answer = await ports.broadcaster.broadcast(envelope);
          if (answer.status === 'SUCCESS' && crashAt('after-broadcast')) trip('after-broadcast');
          return answer;
        },
      },
      checkpointer: this.wrapCheckpointer(ports.checkpointer),
      events: {
        async open(checkpoint) {
          guard();
          return ports.events.open(checkpoint);
        },
      },
      chaincodeDefinitions: {
        async queryCommitted(channelId) {
          guard();
          return ports.chaincodeDefinitions.queryCommitted(channelId);
        },
      },
    };
  }

  private wrapCheckpointer(inner: Checkpointer): Checkpointer {
    return {
      getBlockNumber: () => inner.getBlockNumber(),
      getTransactionId: () => inner.getTransactionId(),
      checkpointBlock: async (blockNumber) => {
        this.guard();
        await inner.checkpointBlock(blockNumber);
      },
      checkpointTransaction: async (blockNumber, transactionId) => {
        this.guard();
        await inner.checkpointTransaction(blockNumber, transactionId);
      },
      checkpointChaincodeEvent: async (event: ChaincodeEvent) => {
        this.guard();
        if (this.point === 'before-checkpoint' && this.armedForCheckpoint) this.trip('before-checkpoint');
        await inner.checkpointChaincodeEvent(event);
      },
    };
  }
}
