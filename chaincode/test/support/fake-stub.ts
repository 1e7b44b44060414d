import { SortedKeys } from './sorted-keys';

/** A committed key's version: the block and the transaction in it that last wrote the key. */
export interface Version {
  blockNum: number;
  txNum: number;
}

/** A committed value. */
export interface Committed {
  value: Buffer;
  version: Version;
}

/** The committed world state, as a stub sees it. */
export interface CommittedState {
  readonly values: ReadonlyMap<string, Committed>;
  readonly keys: SortedKeys;
}

/** A range query as Fabric's read set records it: what the chaincode actually iterated. */
export interface RangeRead {
  startKey: string;
  endKey: string;
  /** True when the chaincode iterated to the end of the range; otherwise only the keys seen are protected. */
  exhausted: boolean;
  reads: { key: string; version: Version }[];
}

/** What the stub hands to an iterator: key, value and the version to record. */
interface Entry {
  key: string;
  value: Buffer;
  version: Version;
}

const COMPOSITE_NS = '\u0000';
const MAX_RUNE = '\u{10ffff}';
const EMPTY_KEY_SUBSTITUTE = '\u0001';

/** fabric-shim's iterator shape: `next()` gives `{value: {key, value, namespace}, done}`, then `{done: true}`. */
class FakeStateIterator {
  private position = 0;

  constructor(
    private readonly entries: Entry[],
    private readonly record: RangeRead,
    private readonly exhaustsRange: boolean,
    private readonly namespace: string,
  ) {}

  async next(): Promise<{ value?: { key: string; value: Buffer; namespace: string }; done: boolean }> {
    if (this.position < this.entries.length) {
      const entry = this.entries[this.position++];
      this.record.reads.push({ key: entry.key, version: entry.version });
      return { value: { key: entry.key, value: Buffer.from(entry.value), namespace: this.namespace }, done: false };
    }
    this.record.exhausted = this.exhaustsRange;
    return { done: true };
  }

  async close(): Promise<void> {}
}

/** Makes a promise of an iterator (or of `{iterator, metadata}`) usable with `for await`, as fabric-shim does. */
function asyncIterable<T extends object>(promise: Promise<T>): Promise<T> & AsyncIterable<unknown> {
  const withIterator = promise as Promise<T> & AsyncIterable<unknown>;
  withIterator[Symbol.asyncIterator] = () => {
    let iterator: FakeStateIterator | undefined;
    return {
      next: async () => {
        if (!iterator) {
          const resolved = (await promise) as unknown as { iterator?: FakeStateIterator };
          iterator = resolved.iterator ?? (resolved as unknown as FakeStateIterator);
        }
        const result = await iterator.next();
        return result.done ? { done: true, value: undefined } : { done: false, value: result.value };
      },
      return: async () => ({ done: true, value: undefined }),
    };
  };
  return withIterator;
}

/** Options of one simulated transaction. */
export interface StubOptions {
  txId: string;
  timestamp: Date;
  channelId: string;
  namespace: string;
  creator: { mspid: string; idBytes: Uint8Array };
  /** Function name and arguments, as `getBufferArgs()` returns them. */
  args: string[];
}

/**
 * A chaincode stub that simulates one transaction the way a Fabric peer does:
 * - reads see ONLY committed state (no read-your-writes) and are recorded with their versions;
 * - range queries record what was iterated, for phantom checks at commit;
 * - writes are buffered until the ledger commits the transaction, and only if it is valid;
 * - paginated queries are refused in a transaction that writes, and writes after one, as Fabric does;
 * - only the last `setEvent` survives.
 */
export class FakeStub {
  readonly reads = new Map<string, Version | null>();
  readonly rangeReads: RangeRead[] = [];
  readonly writes = new Map<string, Buffer | null>();
  event: { name: string; payload: Buffer } | undefined;
  /** How many times setEvent was called; Fabric keeps only the last, so tests check the chaincode calls it once. */
  setEventCalls = 0;
  private writePerformed = false;
  private paginatedQueryPerformed = false;

  constructor(
    private readonly state: CommittedState,
    readonly options: StubOptions,
  ) {}

  getTxID(): string {
    return this.options.txId;
  }

  getChannelID(): string {
    return this.options.channelId;
  }

  getCreator(): { mspid: string; idBytes: Uint8Array } {
    return this.options.creator;
  }

  getMspID(): string {
    return 'PeerOrgMSP';
  }

  /** fabric-shim returns `{seconds: Long, nanos}`; a Long-like object keeps callers honest about the type. */
  getTxTimestamp(): { seconds: { low: number; high: number; unsigned: boolean; toNumber(): number; toString(): string }; nanos: number } {
    const ms = this.options.timestamp.getTime();
    const seconds = Math.floor(ms / 1000);
    return {
      seconds: { low: seconds | 0, high: Math.floor(seconds / 2 ** 32), unsigned: true, toNumber: () => seconds, toString: () => String(seconds) },
      nanos: (ms % 1000) * 1_000_000,
    };
  }

  getDateTimestamp(): Date {
    return new Date(this.options.timestamp.getTime());
  }

  getArgs(): string[] {
    return [...this.options.args];
  }

  getStringArgs(): string[] {
    return [...this.options.args];
  }

  getBufferArgs(): Buffer[] {
    return this.options.args.map((arg) => Buffer.from(arg, 'utf8'));
  }

  getFunctionAndParameters(): { fcn: string; params: string[] } {
    const [fcn = '', ...params] = this.options.args;
    return { fcn, params };
  }

  getTransient(): Map<string, Uint8Array> {
    return new Map();
  }

  async getState(key: string): Promise<Uint8Array> {
    assertKey(key);
    const committed = this.state.values.get(key);
    if (!this.reads.has(key)) {
      this.reads.set(key, committed ? committed.version : null);
    }
    // a missing key reads as an empty payload, exactly what the peer sends back
    return committed ? Buffer.from(committed.value) : Buffer.alloc(0);
  }

  async putState(key: string, value: Uint8Array): Promise<void> {
    assertKey(key);
    if (!(value instanceof Uint8Array)) {
      throw new Error('value must be a Uint8Array');
    }
    this.beforeWrite();
    this.writes.set(key, Buffer.from(value));
  }

  async deleteState(key: string): Promise<void> {
    assertKey(key);
    this.beforeWrite();
    this.writes.set(key, null);
  }

  getStateByRange(startKey: string, endKey: string) {
    const start = startKey || EMPTY_KEY_SUBSTITUTE;
    rejectCompositeNamespace(start, endKey);
    return asyncIterable(Promise.resolve(this.rangeIterator(start, endKey)));
  }

  getStateByRangeWithPagination(startKey: string, endKey: string, pageSize: number, bookmark = '') {
    const start = startKey || EMPTY_KEY_SUBSTITUTE;
    rejectCompositeNamespace(start, endKey);
    return asyncIterable(this.paginated(start, endKey, pageSize, bookmark));
  }

  getStateByPartialCompositeKey(objectType: string, attributes: string[]) {
    const partial = this.createCompositeKey(objectType, attributes);
    return asyncIterable(Promise.resolve(this.rangeIterator(partial, partial + MAX_RUNE)));
  }

  getStateByPartialCompositeKeyWithPagination(objectType: string, attributes: string[], pageSize: number, bookmark = '') {
    const partial = this.createCompositeKey(objectType, attributes);
    return asyncIterable(this.paginated(partial, partial + MAX_RUNE, pageSize, bookmark));
  }

  /** Same encoding and checks as fabric-shim's createCompositeKey. */
  createCompositeKey(objectType: string, attributes: string[]): string {
    const check = (part: unknown) => {
      if (!part || typeof part !== 'string') throw new Error('object type or attribute not a non-zero length string');
    };
    check(objectType);
    if (!Array.isArray(attributes)) throw new Error('attributes must be an array');
    let key = COMPOSITE_NS + objectType + '\u0000';
    for (const attribute of attributes) {
      check(attribute);
      key += attribute + '\u0000';
    }
    return key;
  }

  splitCompositeKey(compositeKey: string): { objectType: string | null; attributes: string[] } {
    if (!compositeKey || compositeKey.charAt(0) !== COMPOSITE_NS) return { objectType: null, attributes: [] };
    const parts = compositeKey.substring(1).split('\u0000');
    parts.pop();
    return { objectType: parts[0], attributes: parts.slice(1) };
  }

  setEvent(name: string, payload: Uint8Array): void {
    if (typeof name !== 'string' || name === '') throw new Error('Event name must be a non-empty string');
    this.event = { name, payload: Buffer.from(payload) };
    this.setEventCalls++;
  }

  private rangeIterator(start: string, end: string): FakeStateIterator {
    const record: RangeRead = { startKey: start, endKey: end, exhausted: false, reads: [] };
    this.rangeReads.push(record);
    return new FakeStateIterator(this.entries(this.state.keys.range(start, end)), record, true, this.options.namespace);
  }

  private async paginated(start: string, end: string, pageSize: number, bookmark: string) {
    if (this.writePerformed) {
      throw new Error(`txid [${this.options.txId}]: unsuppored transaction. Paginated queries are supported only in a read-only transaction`);
    }
    this.paginatedQueryPerformed = true;
    const from = bookmark !== '' ? bookmark : start;
    const keys = this.state.keys.range(from, end, pageSize + 1);
    const page = keys.slice(0, pageSize);
    const next = keys.length > pageSize ? keys[pageSize] : '';
    const record: RangeRead = { startKey: from, endKey: end, exhausted: false, reads: [] };
    this.rangeReads.push(record);
    const iterator = new FakeStateIterator(this.entries(page), record, next === '', this.options.namespace);
    return { iterator, metadata: { fetchedRecordsCount: page.length, bookmark: next } };
  }

  private entries(keys: string[]): Entry[] {
    return keys.map((key) => {
      const committed = this.state.values.get(key) as Committed;
      return { key, value: committed.value, version: committed.version };
    });
  }

  private beforeWrite(): void {
    if (this.paginatedQueryPerformed) {
      throw new Error(`txid [${this.options.txId}]: unsuppored transaction. Transaction has already performed a paginated query. Writes are not allowed`);
    }
    this.writePerformed = true;
  }
}

function assertKey(key: string): void {
  if (typeof key !== 'string' || key.length === 0) {
    throw new Error('key must be a non-empty string');
  }
}

/** fabric-shim refuses simple-key range bounds in the composite-key namespace. */
function rejectCompositeNamespace(...keys: string[]): void {
  for (const key of keys) {
    if (key && key.charAt(0) === COMPOSITE_NS) {
      throw new Error(`first character of the key [${key}] contains a null character which is not allowed`);
    }
  }
}
