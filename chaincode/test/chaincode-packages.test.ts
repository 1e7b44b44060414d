import { createHash } from 'node:crypto';
import { ConsortiumHarness } from './support/consortium-harness';

const SHA = createHash('sha256').update('consortium_ops package bytes').digest('hex');
const OTHER_SHA = createHash('sha256').update('another package').digest('hex');

/** A RecordChaincodePackage argument for consortium_ops sequence 1 on ops-channel, with overrides. */
function record(overrides: Record<string, unknown> = {}) {
  const label = (overrides.label as string | undefined) ?? 'consortium_ops_1.0';
  const sha256 = (overrides.sha256 as string | undefined) ?? SHA;
  return { channel: 'ops-channel', name: 'consortium_ops', version: '1.0', sequence: 1, label, sha256, packageId: `${label}:${sha256}`, ...overrides };
}

describe('chaincode package records', () => {
  test('when an active admin records a package, it is stored with who and when, and ChaincodePackageRecorded is emitted', async () => {
    const h = await ConsortiumHarness.create();

    const outcome = await h.submit(await h.admin('Org1MSP'), 'RecordChaincodePackage', JSON.stringify(record()));

    expect(outcome.validation?.code).toBe('VALID');
    expect(outcome.result).toEqual({ ...record(), recordedBy: 'Org1MSP', recordedAt: expect.any(String), txId: outcome.tx.stub.getTxID() });
    expect(outcome.validation?.event).toMatchObject({
      name: 'ChaincodePackageRecorded',
      payload: { channel: 'ops-channel', chaincode: 'consortium_ops', sequence: 1, mspId: 'Org1MSP', status: 'RECORDED' },
    });
    expect(await h.query(await h.admin('Org2MSP'), 'GetChaincodePackage', 'ops-channel', 'consortium_ops', '1')).toEqual(outcome.result);
  });

  test('when the identical record is recorded again, the stored one is returned, nothing is written and no event is set', async () => {
    const h = await ConsortiumHarness.create();
    const first = await h.must(await h.admin('Org1MSP'), 'RecordChaincodePackage', JSON.stringify(record()));
    const before = h.ledger.dump();

    const again = await h.submit(await h.admin('Org2MSP'), 'RecordChaincodePackage', JSON.stringify(record()));

    expect(again.ok).toBe(true);
    expect(again.result).toEqual(first);
    expect([again.tx.stub.writes.size, again.tx.stub.setEventCalls]).toEqual([0, 0]);
    expect(h.ledger.dump()).toEqual(before);
  });

  test('when a different package is recorded for the same definition, it is refused with CHAINCODE_PACKAGE_CONFLICT and nothing changes', async () => {
    const h = await ConsortiumHarness.create();
    await h.must(await h.admin('Org1MSP'), 'RecordChaincodePackage', JSON.stringify(record()));
    const before = h.ledger.dump();

    const outcome = await h.submit(await h.admin('Org2MSP'), 'RecordChaincodePackage', JSON.stringify(record({ sha256: OTHER_SHA })));

    expect(outcome.code).toBe('CHAINCODE_PACKAGE_CONFLICT');
    expect(h.ledger.dump()).toEqual(before);
  });

  test('when the same definition gets a different version, it is refused with CHAINCODE_PACKAGE_CONFLICT', async () => {
    const h = await ConsortiumHarness.create();
    await h.must(await h.admin('Org1MSP'), 'RecordChaincodePackage', JSON.stringify(record()));

    expect((await h.submit(await h.admin('Org1MSP'), 'RecordChaincodePackage', JSON.stringify(record({ version: '1.1' })))).code).toBe('CHAINCODE_PACKAGE_CONFLICT');
  });

  test('when two orgs record different packages for one definition in the same block, only the first commits', async () => {
    const h = await ConsortiumHarness.create();
    const a = await h.endorse(await h.admin('Org1MSP'), 'RecordChaincodePackage', JSON.stringify(record()));
    const b = await h.endorse(await h.admin('Org2MSP'), 'RecordChaincodePackage', JSON.stringify(record({ sha256: OTHER_SHA })));

    expect(h.commit(a, b).map((v) => v.code)).toEqual(['VALID', 'MVCC_READ_CONFLICT']);
    expect((await h.query(await h.admin('Org3MSP'), 'GetChaincodePackage', 'ops-channel', 'consortium_ops', '1')).sha256).toBe(SHA);
  });

  test.each([
    ['a package id that is not label:sha256', { packageId: `other_1.0:${SHA}` }],
    ['an upper-case sha256', { sha256: SHA.toUpperCase(), packageId: `consortium_ops_1.0:${SHA.toUpperCase()}` }],
    ['a sequence of 0', { sequence: 0 }],
    ['a sequence given as a string', { sequence: '1' }],
    ['a chaincode name with a slash', { name: 'consortium/ops' }],
    ['a label with a slash', { label: '../etc', packageId: `../etc:${SHA}` }],
    ['a bad channel name', { channel: 'Ops_Channel' }],
    ['an unknown field', { extra: true }],
  ])('when the record has %s, it is refused with INVALID_ARGUMENT and nothing is written', async (_what, overrides) => {
    const h = await ConsortiumHarness.create();
    const before = h.ledger.dump();

    const outcome = await h.submit(await h.admin('Org1MSP'), 'RecordChaincodePackage', JSON.stringify(record(overrides)));

    expect(outcome.code).toBe('INVALID_ARGUMENT');
    expect(h.ledger.dump()).toEqual(before);
  });

  test('when a client identity records a package, it is refused with NOT_AN_ADMIN', async () => {
    const h = await ConsortiumHarness.create();
    expect((await h.submit((await h.org('Org1MSP')).client, 'RecordChaincodePackage', JSON.stringify(record()))).code).toBe('NOT_AN_ADMIN');
  });

  test('when an approved org that has not activated records a package, it is refused with MEMBER_NOT_ACTIVE', async () => {
    const h = await ConsortiumHarness.create({ activate: false });
    await h.activate('Org1MSP');
    expect((await h.submit(await h.admin('Org2MSP'), 'RecordChaincodePackage', JSON.stringify(record()))).code).toBe('MEMBER_NOT_ACTIVE');
  });

  test('when a definition has no record, GetChaincodePackage answers CHAINCODE_PACKAGE_NOT_FOUND', async () => {
    const h = await ConsortiumHarness.create();
    const outcome = await h.endorse(await h.admin('Org1MSP'), 'GetChaincodePackage', 'ops-channel', 'consortium_ops', '2');
    expect(outcome.code).toBe('CHAINCODE_PACKAGE_NOT_FOUND');
  });

  test('when the sequence argument is not a positive decimal, GetChaincodePackage answers INVALID_ARGUMENT', async () => {
    const h = await ConsortiumHarness.create();
    expect((await h.endorse(await h.admin('Org1MSP'), 'GetChaincodePackage', 'ops-channel', 'consortium_ops', '01')).code).toBe('INVALID_ARGUMENT');
  });

  test('when an approved joiner reads a record, it is allowed: its agent verifies packages before it is active', async () => {
    const h = await ConsortiumHarness.create({ activate: false });
    await h.activate('Org1MSP');
    await h.must(await h.admin('Org1MSP'), 'RecordChaincodePackage', JSON.stringify(record()));

    expect((await h.query(await h.admin('Org2MSP'), 'GetChaincodePackage', 'ops-channel', 'consortium_ops', '1')).packageId).toBe(record().packageId);
  });

  test('when packages are listed, one channel gives its records by name and sequence and "" gives every channel', async () => {
    const h = await ConsortiumHarness.create();
    const org1 = await h.admin('Org1MSP');
    const sample = (sequence: number) => record({ channel: 'mychannel', name: 'sample', version: `1.${sequence}`, sequence, label: `sample_1.${sequence}` });
    for (const r of [sample(10), record(), sample(9)]) await h.must(org1, 'RecordChaincodePackage', JSON.stringify(r));

    const mine = await h.query(org1, 'ListChaincodePackages', 'mychannel');
    const all = await h.query(org1, 'ListChaincodePackages', '');

    expect(mine.map((r: { sequence: number }) => r.sequence)).toEqual([9, 10]);
    expect(all.map((r: { channel: string; sequence: number }) => `${r.channel}/${r.sequence}`)).toEqual(['mychannel/9', 'mychannel/10', 'ops-channel/1']);
  });

  test('when a peer identity lists packages, it is refused with FORBIDDEN', async () => {
    const h = await ConsortiumHarness.create();
    expect((await h.endorse((await h.org('Org1MSP')).peer, 'ListChaincodePackages', '')).code).toBe('FORBIDDEN');
  });
});
