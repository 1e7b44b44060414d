import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileBootstrapState } from '../../src/bootstrap';

const dir = () => mkdtempSync(join(tmpdir(), 'opssc-state-'));

describe('the bootstrap state file', () => {
  test('when nothing was saved yet, there is no state', async () => {
    expect(await new FileBootstrapState(join(dir(), 'state.json'), 'Org3MSP').load()).toBeUndefined();
  });

  test('when a state is saved, it is read back as saved, the file is private and no temporary file is left', async () => {
    const folder = dir();
    const store = new FileBootstrapState(join(folder, 'nested', 'state.json'), 'Org3MSP');
    const state = { version: 1 as const, mspId: 'Org3MSP', proposalId: 'p-00000000000000aa', done: ['find-proposal', 'peer:ops-channel'] };

    await store.save(state);

    expect(await store.load()).toEqual(state);
    expect(readdirSync(join(folder, 'nested'))).toEqual(['state.json']);
    expect(statSync(join(folder, 'nested', 'state.json')).mode & 0o777).toBe(0o600);
  });

  test('when a crash left a temporary file half written, the last saved state is still the one read', async () => {
    const folder = dir();
    const path = join(folder, 'state.json');
    const store = new FileBootstrapState(path, 'Org3MSP');
    await store.save({ version: 1, mspId: 'Org3MSP', done: ['find-proposal'] });
    writeFileSync(`${path}.4242.tmp`, '{"version":1,"mspId":"Org3MSP","done":["find-proposal","pe');

    expect((await store.load())?.done).toEqual(['find-proposal']);
  });

  test('when the file is not a bootstrap state, it is refused rather than overwritten', async () => {
    const path = join(dir(), 'state.json');
    writeFileSync(path, '{"blockNumber":"12"}');
    await expect(new FileBootstrapState(path, 'Org3MSP').load()).rejects.toThrow(/is not a version 1 bootstrap state/);
    expect(readFileSync(path, 'utf8')).toBe('{"blockNumber":"12"}');
  });

  test('when the file is torn JSON, it is refused', async () => {
    const path = join(dir(), 'state.json');
    writeFileSync(path, '{"version":1,');
    await expect(new FileBootstrapState(path, 'Org3MSP').load()).rejects.toThrow(/is not a version 1 bootstrap state/);
  });
});
