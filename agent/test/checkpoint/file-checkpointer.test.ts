import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileCheckpointer } from '../../src/checkpoint/file-checkpointer';

describe('the durable event checkpoint', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'opssc-checkpoint-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('when there is no file yet, the checkpoint is empty (events start at the next block)', async () => {
    const checkpointer = await FileCheckpointer.open(join(dir, 'nested', 'cp.json'));
    expect(checkpointer.getBlockNumber()).toBeUndefined();
    expect(checkpointer.getTransactionId()).toBeUndefined();
  });

  it('when an event is checkpointed, a new instance resumes in its block after its transaction', async () => {
    const file = join(dir, 'cp.json');
    const first = await FileCheckpointer.open(file);
    await first.checkpointChaincodeEvent({ blockNumber: 41n, transactionId: 'tx-a', chaincodeName: 'consortium_ops', eventName: 'VoteCast', payload: new Uint8Array() });

    const reopened = await FileCheckpointer.open(file);
    expect(reopened.getBlockNumber()).toBe(41n);
    expect(reopened.getTransactionId()).toBe('tx-a');
  });

  it('when a whole block is checkpointed, a new instance resumes at the next block, as fabric-gateway does', async () => {
    const file = join(dir, 'cp.json');
    await (await FileCheckpointer.open(file)).checkpointBlock(41n);
    const reopened = await FileCheckpointer.open(file);
    expect([reopened.getBlockNumber(), reopened.getTransactionId()]).toEqual([42n, undefined]);
  });

  it('writes through a temporary file and a rename: no temporary file is left and the file is always whole JSON', async () => {
    const file = join(dir, 'cp.json');
    const checkpointer = await FileCheckpointer.open(file);
    for (let i = 0; i < 20; i++) await checkpointer.checkpointTransaction(BigInt(i), `tx-${i}`);
    expect(readdirSync(dir)).toEqual(['cp.json']);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ blockNumber: '19', transactionId: 'tx-19' });
  });

  it('when a crash left a torn temporary file beside the checkpoint, the checkpoint itself is intact', async () => {
    const file = join(dir, 'cp.json');
    await (await FileCheckpointer.open(file)).checkpointTransaction(7n, 'tx-7');
    writeFileSync(`${file}.12345.tmp`, '{"blockNumber":"9"');
    const reopened = await FileCheckpointer.open(file);
    expect([reopened.getBlockNumber(), reopened.getTransactionId()]).toEqual([7n, 'tx-7']);
  });
});
