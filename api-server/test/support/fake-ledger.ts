import type { EventCheckpoint, EventStream, LedgerEvent, LedgerPort } from '../../src/ledger/ledger-port';
import type { ConfigBlockPort, ChannelBootstrap } from '../../src/ledger/config-block-port';
import type { Clock } from '../../src/deps';
import { runEvaluate, runSubmit } from './fake-chaincode';
import { FakeConsortium, fakeTxId } from './fake-consortium';

/** One call that reached the ledger port. */
export interface LedgerCall {
  org: string;
  kind: 'submit' | 'evaluate';
  name: string;
  args: string[];
}

/**
 * A stateful stand-in for consortium_ops on one channel, shared by the api-servers of several orgs
 * (each gets its own port via {@link portFor}). Every submit is one block with one event; a failed
 * transaction writes nothing. Calls are recorded so tests can assert what reached the ledger.
 */
export class FakeLedger {
  readonly state: FakeConsortium;
  readonly calls: LedgerCall[] = [];
  readonly events: LedgerEvent[] = [];
  readonly #interceptors = new Map<string, () => void | Promise<void>>();
  readonly #listeners = new Set<() => void>();
  #height = 10n;
  pingError: Error | undefined;

  constructor(clock: Clock, activeMembers: string[] = ['Org1MSP', 'Org2MSP']) {
    this.state = new FakeConsortium(clock, activeMembers);
  }

  /** Makes the next call of `name` (submit or evaluate) throw `error`. */
  failNext(name: string, error: unknown): void {
    this.interceptNext(name, () => {
      throw error;
    });
  }

  /** Runs `action` just before the next call of `name` executes, e.g. to simulate a concurrent transaction. */
  interceptNext(name: string, action: () => void | Promise<void>): void {
    this.#interceptors.set(name, action);
  }

  /** Event streams currently open (not yet closed by their consumer). */
  get openStreams(): number {
    return this.#listeners.size;
  }

  /** Submits recorded, optionally of one transaction name. */
  submitted(name?: string): LedgerCall[] {
    return this.calls.filter((c) => c.kind === 'submit' && (!name || c.name === name));
  }

  /** Appends an event as if a transaction had emitted it. */
  emit(name: string, payload: Record<string, unknown>, transactionId = fakeTxId(Number(this.#height))): LedgerEvent {
    const event = { blockNumber: this.#height++, transactionId, name, payload: { name, ...payload, txId: transactionId } };
    this.events.push(event);
    this.#listeners.forEach((notify) => notify());
    return event;
  }

  /** The ledger port of the api-server acting for `org`. */
  portFor(org: string): LedgerPort {
    return {
      submit: async (name, args) => {
        this.calls.push({ org, kind: 'submit', name, args: [...args] });
        await this.#intercept(name);
        const transactionId = fakeTxId(Number(this.#height));
        const { result, event } = this.state.atomically(() => runSubmit(this.state, org, name, [...args], transactionId));
        if (event) {
          this.emit(event.name, event, transactionId);
        } else {
          this.#height += 1n;
        }
        return { result: JSON.parse(JSON.stringify(result ?? null)), transactionId };
      },
      evaluate: async (name, args) => {
        this.calls.push({ org, kind: 'evaluate', name, args: [...args] });
        await this.#intercept(name);
        // Deep copies, as a real query returns bytes: callers can never mutate the fake's state.
        return JSON.parse(JSON.stringify(runEvaluate(this.state, org, name, [...args]) ?? null));
      },
      events: async (from) => this.#stream(from),
      ping: async () => {
        if (this.pingError) throw this.pingError;
      },
    };
  }

  async #intercept(name: string): Promise<void> {
    const action = this.#interceptors.get(name);
    if (action) {
      this.#interceptors.delete(name);
      await action();
    }
  }

  /** Replays events after the checkpoint (or only new ones without it), then follows new ones until closed. */
  #stream(from?: EventCheckpoint): EventStream {
    let index = from ? this.events.findIndex((e) => e.blockNumber >= from.blockNumber) : this.events.length;
    if (index < 0) index = this.events.length;
    if (from?.transactionId) {
      const at = this.events.findIndex((e) => e.blockNumber === from.blockNumber && e.transactionId === from.transactionId);
      if (at >= 0) index = at + 1;
    }
    let closed = false;
    let wake: (() => void) | undefined;
    const listener = () => wake?.();
    this.#listeners.add(listener);
    const events = this.events;
    const listeners = this.#listeners;
    return {
      close: () => {
        closed = true;
        listeners.delete(listener);
        wake?.();
      },
      async *[Symbol.asyncIterator]() {
        while (!closed) {
          if (index < events.length) {
            yield events[index++];
          } else {
            await new Promise<void>((resolve) => (wake = resolve));
          }
        }
      },
    };
  }
}

/**
 * A config block source returning fixed bootstrap material for the ops channel and for every channel in
 * `joined`; any other channel fails as qscc does for a channel the peer has not joined.
 */
export class FakeConfigBlocks implements ConfigBlockPort {
  calls = 0;
  readonly joined = new Set(['ops-channel', 'mychannel']);

  async latestConfigBlock(channel = 'ops-channel'): Promise<ChannelBootstrap> {
    this.calls += 1;
    if (!this.joined.has(channel)) {
      throw new Error(`2 UNKNOWN: evaluate call to endorser returned error: channel '${channel}' not found`);
    }
    return {
      channel,
      blockNumber: channel === 'ops-channel' ? 3 : 1,
      configBlock: Buffer.from(`${channel}-config-block-bytes`).toString('base64'),
      orderers: [{ mspId: 'OrdererMSP', endpoints: ['orderer.example.com:7050'] }],
      peers: [{ mspId: 'Org1MSP', endpoints: ['peer0.org1.example.com:7051'] }],
      tlsRootCerts: { OrdererMSP: ['-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n'] },
    };
  }
}
