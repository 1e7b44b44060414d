import { createHash } from 'node:crypto';
import { Context } from 'fabric-contract-api';
import { ClientIdentity } from 'fabric-shim';
import { FakeClientIdentity, type TestIdentity } from './fake-identity';
import { FakeStub, type Committed, type RangeRead, type Version } from './fake-stub';
import { compareKeys, SortedKeys } from './sorted-keys';

export { FakeClientIdentity, fakeIdentity, type IdentityRole, type TestIdentity } from './fake-identity';
export { FakeStub, type RangeRead, type Version } from './fake-stub';

/** Fabric's validation codes that this ledger can produce. */
export type ValidationCode = 'VALID' | 'MVCC_READ_CONFLICT' | 'PHANTOM_READ_CONFLICT' | 'DUPLICATE_TXID';

/** A simulated transaction, ready to be put in a block. */
export interface FakeTx {
  txId: string;
  stub: FakeStub;
  ctx: Context;
}

/** A chaincode event of a committed transaction. */
export interface CommittedEvent {
  blockNumber: number;
  txId: string;
  name: string;
  payload: Record<string, unknown>;
}

/** The outcome of one transaction in a block. */
export interface TxValidation {
  txId: string;
  code: ValidationCode;
  event?: CommittedEvent;
}

/** Options of {@link FakeLedger.newTx}. */
export interface TxOptions {
  /** Function name and arguments as a client would send them (only the dispatcher reads them). */
  args?: string[];
  txId?: string;
  timestamp?: Date;
}

/**
 * An in-memory Fabric ledger that keeps Fabric's rules, so chaincode tests fail where Fabric would:
 * transactions are simulated against committed state only, and `commitBlock` validates them in block
 * order — a point read whose key changed since simulation (including by an earlier valid transaction of
 * the same block) is an MVCC_READ_CONFLICT, a range query whose results would now differ is a
 * PHANTOM_READ_CONFLICT — and applies the writes of valid transactions only.
 */
export class FakeLedger {
  readonly channelId: string;
  readonly namespace: string;
  /** Events of committed valid transactions, in commit order. */
  readonly events: CommittedEvent[] = [];
  private readonly values = new Map<string, Committed>();
  private readonly keys = new SortedKeys();
  private readonly txIds = new Set<string>();
  private height = 1;
  private clock: number;
  private txCounter = 0;

  constructor(options: { channelId?: string; namespace?: string; start?: Date } = {}) {
    this.channelId = options.channelId ?? 'ops-channel';
    this.namespace = options.namespace ?? 'consortium_ops';
    this.clock = (options.start ?? new Date('2030-01-01T00:00:00.000Z')).getTime();
  }

  /** The ledger's clock: the timestamp the next transaction gets. */
  now(): Date {
    return new Date(this.clock);
  }

  /** Moves the clock forward. */
  advance(seconds: number): void {
    this.clock += seconds * 1000;
  }

  /** Starts simulating a transaction submitted by `identity`. */
  newTx(identity: TestIdentity, options: TxOptions = {}): FakeTx {
    // transaction ids are hex sha256, like Fabric's; a counter keeps them deterministic across runs
    const txId = options.txId ?? createHash('sha256').update(`tx-${++this.txCounter}`).digest('hex');
    const idBytes = identity.certPem ? Buffer.from(identity.certPem) : new FakeClientIdentity(identity).getIDBytes();
    const stub = new FakeStub(
      { values: this.values, keys: this.keys },
      {
        txId,
        timestamp: options.timestamp ?? this.now(),
        channelId: this.channelId,
        namespace: this.namespace,
        creator: { mspid: identity.mspId, idBytes },
        args: options.args ?? [],
      },
    );
    const ctx = new Context();
    ctx.stub = stub as unknown as Context['stub'];
    // with a real certificate, fabric-shim's own ClientIdentity parses it, exactly as on a peer
    ctx.clientIdentity = (
      identity.certPem ? new ClientIdentity(stub as unknown as ConstructorParameters<typeof ClientIdentity>[0]) : new FakeClientIdentity(identity)
    ) as Context['clientIdentity'];
    return { txId, stub, ctx };
  }

  /** Validates `txs` in order as one block, applies the valid ones and returns each one's code. */
  commitBlock(txs: FakeTx[]): TxValidation[] {
    const blockNumber = this.height++;
    return txs.map((tx, txNum) => {
      const code = this.validate(tx);
      if (code !== 'VALID') {
        return { txId: tx.txId, code };
      }
      this.txIds.add(tx.txId);
      const version: Version = { blockNum: blockNumber, txNum };
      for (const [key, value] of tx.stub.writes) {
        if (value === null) {
          this.values.delete(key);
          this.keys.remove(key);
        } else {
          this.values.set(key, { value, version });
          this.keys.insert(key);
        }
      }
      if (!tx.stub.event) {
        return { txId: tx.txId, code };
      }
      const event: CommittedEvent = {
        blockNumber,
        txId: tx.txId,
        name: tx.stub.event.name,
        payload: JSON.parse(tx.stub.event.payload.toString('utf8')) as Record<string, unknown>,
      };
      this.events.push(event);
      return { txId: tx.txId, code, event };
    });
  }

  /**
   * Simulates `fn` as a transaction of `identity` (an endorsement). A chaincode error propagates, as a
   * failed endorsement would: such a transaction never reaches a block.
   */
  async endorse<T>(identity: TestIdentity, fn: (ctx: Context) => Promise<T>, options: TxOptions = {}): Promise<{ tx: FakeTx; result: T }> {
    const tx = this.newTx(identity, options);
    const result = await fn(tx.ctx);
    return { tx, result };
  }

  /** Endorses `fn` and commits it alone in a block. */
  async submit<T>(identity: TestIdentity, fn: (ctx: Context) => Promise<T>, options: TxOptions = {}): Promise<{ result: T; validation: TxValidation }> {
    const { tx, result } = await this.endorse(identity, fn, options);
    const [validation] = this.commitBlock([tx]);
    return { result, validation };
  }

  /** Runs `fn` as a query: simulated, never committed. */
  async evaluate<T>(identity: TestIdentity, fn: (ctx: Context) => Promise<T>): Promise<T> {
    return fn(this.newTx(identity).ctx);
  }

  /** The committed value of `key`, parsed as JSON (undefined when absent). */
  read<T = unknown>(key: string): T | undefined {
    const committed = this.values.get(key);
    return committed ? (JSON.parse(committed.value.toString('utf8')) as T) : undefined;
  }

  /** The committed raw value of `key`. */
  readRaw(key: string): Buffer | undefined {
    return this.values.get(key)?.value;
  }

  /** A copy of the whole committed state (key → value text), for "nothing changed" assertions. */
  dump(): Map<string, string> {
    return new Map([...this.values].map(([key, committed]) => [key, committed.value.toString('utf8')]));
  }

  /** Number of committed keys. */
  get size(): number {
    return this.keys.size;
  }

  private validate(tx: FakeTx): ValidationCode {
    if (this.txIds.has(tx.txId)) {
      return 'DUPLICATE_TXID';
    }
    for (const [key, readVersion] of tx.stub.reads) {
      if (!sameVersion(readVersion, this.values.get(key)?.version ?? null)) {
        return 'MVCC_READ_CONFLICT';
      }
    }
    for (const range of tx.stub.rangeReads) {
      if (!this.rangeUnchanged(range)) {
        return 'PHANTOM_READ_CONFLICT';
      }
    }
    return 'VALID';
  }

  /**
   * Re-executes a range query against the current state. The keys the chaincode saw must come back in
   * the same order with the same versions; if it iterated to the end, no key may have been added after.
   */
  private rangeUnchanged(range: RangeRead): boolean {
    const current = this.keys.range(range.startKey, range.endKey, range.exhausted ? Number.POSITIVE_INFINITY : range.reads.length);
    if (range.exhausted ? current.length !== range.reads.length : current.length < range.reads.length) {
      return false;
    }
    return range.reads.every(
      (read, i) => compareKeys(read.key, current[i]) === 0 && sameVersion(read.version, this.values.get(current[i])?.version ?? null),
    );
  }
}

function sameVersion(a: Version | null, b: Version | null): boolean {
  return a === null || b === null ? a === b : a.blockNum === b.blockNum && a.txNum === b.txNum;
}
