import { compositeKey, Keys } from '@opssc/core';
import type { Context } from 'fabric-contract-api';
import { FakeLedger, fakeIdentity } from './support/fake-ledger';
import { compareKeys } from './support/sorted-keys';

const alice = fakeIdentity('Org1MSP', 'admin');
const put = (key: string, value: string) => async (ctx: Context) => ctx.stub.putState(key, Buffer.from(value));
const get = (key: string) => async (ctx: Context) => Buffer.from(await ctx.stub.getState(key)).toString();
const keysIn = async (ctx: Context, type: string) => {
  const out: string[] = [];
  for await (const kv of ctx.stub.getStateByPartialCompositeKey(type, [])) out.push((kv as { key: string }).key);
  return out;
};

describe('the fake ledger keeps Fabric rules', () => {
  test('when a transaction reads a key it wrote, it sees the committed value (no read-your-writes)', async () => {
    const ledger = new FakeLedger();
    await ledger.submit(alice, put('k', 'old'));

    const { result } = await ledger.submit(alice, async (ctx) => {
      await ctx.stub.putState('k', Buffer.from('new'));
      return get('k')(ctx);
    });

    expect(result).toBe('old');
    expect(ledger.readRaw('k')?.toString()).toBe('new');
  });

  test('when a missing key is read, the payload is empty, as a peer returns it', async () => {
    expect(await new FakeLedger().evaluate(alice, get('missing'))).toBe('');
  });

  test('when two transactions in one block read and write the same key, the second is an MVCC_READ_CONFLICT', async () => {
    const ledger = new FakeLedger();
    const increment = async (ctx: Context) => ctx.stub.putState('n', Buffer.from(String(Number((await get('n')(ctx)) || 0) + 1)));
    const a = await ledger.endorse(alice, increment);
    const b = await ledger.endorse(alice, increment);

    const codes = ledger.commitBlock([a.tx, b.tx]).map((v) => v.code);

    expect(codes).toEqual(['VALID', 'MVCC_READ_CONFLICT']);
    expect(ledger.readRaw('n')?.toString()).toBe('1');
  });

  test('when a key read at endorsement is changed by an earlier block, the reader is an MVCC_READ_CONFLICT', async () => {
    const ledger = new FakeLedger();
    const reader = await ledger.endorse(alice, async (ctx) => {
      await get('k')(ctx);
      await ctx.stub.putState('other', Buffer.from('x'));
    });
    await ledger.submit(alice, put('k', 'changed'));

    expect(ledger.commitBlock([reader.tx])[0].code).toBe('MVCC_READ_CONFLICT');
    expect(ledger.readRaw('other')).toBeUndefined();
  });

  test('when blind writes of different transactions hit the same key, both are valid and the last wins', async () => {
    const ledger = new FakeLedger();
    const a = await ledger.endorse(alice, put('k', 'a'));
    const b = await ledger.endorse(alice, put('k', 'b'));

    expect(ledger.commitBlock([a.tx, b.tx]).map((v) => v.code)).toEqual(['VALID', 'VALID']);
    expect(ledger.readRaw('k')?.toString()).toBe('b');
  });

  test('when a key is inserted into a range another transaction iterated, that transaction is a PHANTOM_READ_CONFLICT', async () => {
    const ledger = new FakeLedger();
    await ledger.submit(alice, put(compositeKey(Keys.vote('p-1', 'Org1MSP')), '{}'));
    const counter = await ledger.endorse(alice, async (ctx) => {
      const keys = await keysIn(ctx, 'vote');
      await ctx.stub.putState('count', Buffer.from(String(keys.length)));
    });
    const voter = await ledger.endorse(alice, put(compositeKey(Keys.vote('p-1', 'Org2MSP')), '{}'));

    expect(ledger.commitBlock([voter.tx, counter.tx]).map((v) => v.code)).toEqual(['VALID', 'PHANTOM_READ_CONFLICT']);
  });

  test('when a range is iterated only partly, a key added after the last one read is not a phantom', async () => {
    const ledger = new FakeLedger();
    await ledger.submit(alice, async (ctx) => {
      await ctx.stub.putState(ctx.stub.createCompositeKey('t', ['a']), Buffer.from('1'));
      await ctx.stub.putState(ctx.stub.createCompositeKey('t', ['c']), Buffer.from('1'));
    });
    const firstOnly = await ledger.endorse(alice, async (ctx) => {
      const iterator = await ctx.stub.getStateByPartialCompositeKey('t', []);
      await iterator.next();
      await iterator.close();
      await ctx.stub.putState('seen', Buffer.from('a'));
    });
    const later = await ledger.endorse(alice, async (ctx) => ctx.stub.putState(ctx.stub.createCompositeKey('t', ['b']), Buffer.from('1')));

    expect(ledger.commitBlock([later.tx, firstOnly.tx]).map((v) => v.code)).toEqual(['VALID', 'VALID']);
  });

  test('when a paginated query runs in a transaction that wrote, it is refused as Fabric refuses it', async () => {
    const ledger = new FakeLedger();
    const attempt = ledger.evaluate(alice, async (ctx) => {
      await ctx.stub.putState('k', Buffer.from('v'));
      return ctx.stub.getStateByPartialCompositeKeyWithPagination('t', [], 10, '');
    });

    await expect(attempt).rejects.toThrow(/Paginated queries are supported only in a read-only transaction/);
  });

  test('when a transaction writes after a paginated query, the write is refused', async () => {
    const ledger = new FakeLedger();
    const attempt = ledger.evaluate(alice, async (ctx) => {
      await ctx.stub.getStateByPartialCompositeKeyWithPagination('t', [], 10, '');
      await ctx.stub.putState('k', Buffer.from('v'));
    });

    await expect(attempt).rejects.toThrow(/already performed a paginated query/);
  });

  test('when pages are fetched with bookmarks, every key is returned once, in order', async () => {
    const ledger = new FakeLedger();
    await ledger.submit(alice, async (ctx) => {
      for (const id of ['e', 'a', 'd', 'b', 'c']) await ctx.stub.putState(ctx.stub.createCompositeKey('t', [id]), Buffer.from(id));
    });

    const seen = await ledger.evaluate(alice, async (ctx) => {
      const out: string[] = [];
      let bookmark = '';
      do {
        const { iterator, metadata } = await ctx.stub.getStateByPartialCompositeKeyWithPagination('t', [], 2, bookmark);
        for (let r = await iterator.next(); !r.done; r = await iterator.next()) out.push(Buffer.from(r.value.value).toString());
        bookmark = metadata.bookmark;
      } while (bookmark !== '');
      return out;
    });

    expect(seen).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  test('when a transaction sets several events, only the last one is kept', async () => {
    const ledger = new FakeLedger();
    const { validation } = await ledger.submit(alice, async (ctx) => {
      ctx.stub.setEvent('First', Buffer.from('{"n":1}'));
      ctx.stub.setEvent('Second', Buffer.from('{"n":2}'));
    });

    expect(validation.event).toMatchObject({ name: 'Second', payload: { n: 2 } });
    expect(ledger.events.map((e) => e.name)).toEqual(['Second']);
  });

  test('when an invalid transaction set an event, the event is not delivered', async () => {
    const ledger = new FakeLedger();
    const writer = async (ctx: Context) => {
      await get('k')(ctx);
      await ctx.stub.putState('k', Buffer.from('v'));
      ctx.stub.setEvent('Wrote', Buffer.from('{}'));
    };
    const a = await ledger.endorse(alice, writer);
    const b = await ledger.endorse(alice, writer);

    ledger.commitBlock([a.tx, b.tx]);

    expect(ledger.events).toHaveLength(1);
  });

  test('when the same transaction id is committed twice, the second is a DUPLICATE_TXID', async () => {
    const ledger = new FakeLedger();
    const a = await ledger.endorse(alice, put('k', 'a'), { txId: 'f'.repeat(64) });
    const b = await ledger.endorse(alice, put('k', 'b'), { txId: 'f'.repeat(64) });

    expect(ledger.commitBlock([a.tx, b.tx]).map((v) => v.code)).toEqual(['VALID', 'DUPLICATE_TXID']);
  });

  test('when the stub builds a composite key, it matches fabric-shim and the core key layout', async () => {
    const key = await new FakeLedger().evaluate(alice, async (ctx) => ctx.stub.createCompositeKey('vote', ['p-1', 'Org1MSP']));
    expect(key).toBe(compositeKey(Keys.vote('p-1', 'Org1MSP')));
  });

  test('when keys hold characters beyond the BMP, they sort in UTF-8 byte order like LevelDB', () => {
    expect(compareKeys('\u{1F600}', '\uFFFD')).toBeGreaterThan(0);
    expect(Buffer.compare(Buffer.from('\u{1F600}'), Buffer.from('\uFFFD'))).toBeGreaterThan(0);
  });

  test('when a simple-key range starts in the composite namespace, it is refused like fabric-shim does', async () => {
    const attempt = new FakeLedger().evaluate(alice, async (ctx) => ctx.stub.getStateByRange('\u0000vote\u0000', ''));
    await expect(attempt).rejects.toThrow(/null character/);
  });

  test('when the clock advances, new transactions carry the later timestamp as {seconds, nanos}', async () => {
    const ledger = new FakeLedger({ start: new Date('2030-01-01T00:00:00.250Z') });
    ledger.advance(60);
    const ts = await ledger.evaluate(alice, async (ctx) => ctx.stub.getTxTimestamp());
    expect(ts.seconds.toNumber() * 1000 + ts.nanos / 1e6).toBe(Date.parse('2030-01-01T00:01:00.250Z'));
  });

  test('when a synthesised identity is used, getID has fabric-chaincode-node form with its role OU', async () => {
    const id = await new FakeLedger().evaluate(fakeIdentity('Org2MSP', 'peer'), async (ctx) => [ctx.clientIdentity.getMSPID(), ctx.clientIdentity.getID()]);
    expect(id[0]).toBe('Org2MSP');
    expect(id[1]).toMatch(/^x509::\/C=US\/ST=North Carolina\/O=Hyperledger\/OU=peer\/CN=.*::\/C=US\//);
  });
});
