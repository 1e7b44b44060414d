import type { ChaincodeEvent, Checkpoint, CloseableAsyncIterable } from '@hyperledger/fabric-gateway';
import { canonicalJson } from '@opssc/core';
import type { ConsortiumHarness, Endorsement } from '../../../chaincode/test/support/consortium-harness';
import type { CommittedEvent, TxValidation } from '../../../chaincode/test/support/fake-ledger';
import type { TestIdentity } from '../../../chaincode/test/support/fake-identity';
import type { EventsPort, LedgerPort } from '../../src/ports';

/**
 * The peers' ordering for the shared fake ledger: transactions submitted in the same turn of the event
 * loop go into the same block, so agents that race (two tallies, two records of one attempt) really
 * conflict at commit, as on Fabric.
 */
export class FakeBlockCutter {
  private pending: { endorsement: Endorsement; resolve: (v: TxValidation) => void }[] = [];
  private scheduled = false;
  blocks = 0;

  constructor(
    private readonly harness: ConsortiumHarness,
    private readonly onBlock: () => void,
  ) {}

  submit(endorsement: Endorsement): Promise<TxValidation> {
    return new Promise((resolve) => {
      this.pending.push({ endorsement, resolve });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.cut());
      }
    });
  }

  get idle(): boolean {
    return this.pending.length === 0;
  }

  private cut(): void {
    this.scheduled = false;
    const batch = this.pending.splice(0);
    const validations = this.harness.commit(...batch.map((b) => b.endorsement));
    this.blocks++;
    batch.forEach((b, i) => b.resolve(validations[i]));
    this.onBlock();
  }
}

/** The ledger port of one org's admin over the shared fake ledger, through the real contract. */
export function fakeLedgerPort(harness: ConsortiumHarness, cutter: FakeBlockCutter, admin: TestIdentity): LedgerPort {
  return {
    async evaluate(transaction, ...args) {
      const e = await harness.endorse(admin, transaction, ...args);
      if (!e.ok) throw new Error(e.message);
      return e.result === undefined ? '' : JSON.stringify(e.result);
    },
    async endorse(transaction, ...args) {
      const e = await harness.endorse(admin, transaction, ...args);
      if (!e.ok) throw new Error(e.message);
      let validation: Promise<TxValidation> | undefined;
      return {
        transactionId: e.tx.txId,
        result: JSON.stringify(e.result ?? null),
        submit: async () => {
          validation ??= cutter.submit(e);
        },
        status: async () => {
          if (!validation) throw new Error('not submitted');
          return (await validation).code;
        },
      };
    },
  };
}

function toChaincodeEvent(event: CommittedEvent): ChaincodeEvent {
  return {
    blockNumber: BigInt(event.blockNumber),
    transactionId: event.txId,
    chaincodeName: 'consortium_ops',
    eventName: event.name,
    payload: Buffer.from(canonicalJson(event.payload)),
  };
}

/** fabric-gateway's chaincode events over the fake ledger, with its checkpoint semantics. */
export class FakeEventHub implements EventsPort {
  private waiters: (() => void)[] = [];

  constructor(private readonly events: readonly CommittedEvent[]) {}

  /** Wakes the streams after a block. */
  notify(): void {
    this.waiters.splice(0).forEach((wake) => wake());
  }

  async open(checkpoint: Checkpoint): Promise<CloseableAsyncIterable<ChaincodeEvent>> {
    const block = checkpoint.getBlockNumber();
    const afterTx = checkpoint.getTransactionId();
    let index = block === undefined ? this.events.length : this.events.findIndex((e) => BigInt(e.blockNumber) >= block);
    if (index < 0) index = this.events.length;
    if (block !== undefined && afterTx) {
      const at = this.events.findIndex((e) => BigInt(e.blockNumber) === block && e.txId === afterTx);
      if (at >= 0) index = at + 1;
    }
    let closed = false;
    const events = this.events;
    const waitForBlock = () => new Promise<void>((wake) => this.waiters.push(wake));
    return {
      async *[Symbol.asyncIterator]() {
        while (!closed) {
          if (index < events.length) {
            yield toChaincodeEvent(events[index++]);
            continue;
          }
          await waitForBlock();
        }
      },
      close: () => {
        closed = true;
        this.notify();
      },
    } as unknown as CloseableAsyncIterable<ChaincodeEvent>;
  }
}
