import { ConsortiumHarness } from './support/consortium-harness';

const SHA = 'ab'.repeat(32);
const PACKAGE_URL = 'https://packages.example.com/basic_1.0.tar.gz';
const definition = { channel: 'mychannel', name: 'basic', version: '1.0', sequence: 1, packageId: `basic_1.0:${SHA}`, sha256: SHA, label: 'basic_1.0' };
const installed = JSON.stringify({ status: 'INSTALLED_APPROVED', packageId: definition.packageId });
const committed = JSON.stringify({ status: 'COMMITTED', blockNumber: 7 });

/** Three active orgs; Org2 proposes `payload`, the majority approves, and Org1 records its approval and the commit. */
async function committedDeployment(payload: object) {
  const h = await ConsortiumHarness.create();
  const proposalId = await h.create('Org2MSP', 'DEPLOY_CHAINCODE', payload);
  await h.vote(proposalId, 'approve', 'Org1MSP', 'Org2MSP');
  await h.tally(proposalId);
  const org1 = await h.admin('Org1MSP');
  await h.must(org1, 'RecordDeploymentStep', proposalId, installed);
  await h.must(org1, 'RecordDeploymentStep', proposalId, committed);
  return { h, proposalId };
}

describe('package records written by a deployment commit', () => {
  test('when a deployment by packageId is committed, its package record names the proposal and no packageUrl', async () => {
    const { h, proposalId } = await committedDeployment(definition);

    const record = await h.query(await h.admin('Org3MSP'), 'GetChaincodePackage', 'mychannel', 'basic', '1');

    expect(record).toEqual({ ...definition, recordedBy: 'Org1MSP', recordedAt: expect.any(String), txId: expect.any(String), proposalId });
  });

  test('when a deployment by packageUrl is committed, its package record names the proposal and the URL', async () => {
    const { h, proposalId } = await committedDeployment({ ...definition, packageUrl: PACKAGE_URL });

    const record = await h.query(await h.admin('Org3MSP'), 'GetChaincodePackage', 'mychannel', 'basic', '1');

    expect(record).toMatchObject({ packageId: definition.packageId, proposalId, packageUrl: PACKAGE_URL });
  });

  test('when a member records a package by hand, the record has no proposalId and no packageUrl', async () => {
    const h = await ConsortiumHarness.create();

    const record = await h.must(await h.admin('Org1MSP'), 'RecordChaincodePackage', JSON.stringify(definition));

    expect(Object.keys(record).sort()).toEqual([...Object.keys(definition), 'recordedAt', 'recordedBy', 'txId'].sort());
  });

  test('when the identical record is recorded by hand after the commit, it is accepted as the same and the stored one is returned unchanged', async () => {
    const { h, proposalId } = await committedDeployment({ ...definition, packageUrl: PACKAGE_URL });
    const before = h.ledger.dump();

    const again = await h.submit(await h.admin('Org3MSP'), 'RecordChaincodePackage', JSON.stringify(definition));

    expect(again.ok).toBe(true);
    expect(again.result).toMatchObject({ proposalId, packageUrl: PACKAGE_URL, recordedBy: 'Org1MSP' });
    expect([again.tx.stub.writes.size, again.tx.stub.setEventCalls]).toEqual([0, 0]);
    expect(h.ledger.dump()).toEqual(before);
  });
});
