import { EventNames } from '@opssc/core';
import { ConsortiumHarness } from './support/consortium-harness';

const UPDATE = Buffer.from('config update').toString('base64');
const SIGNATURE = JSON.stringify({ signatureHeader: 'aGVhZGVy', signature: 'c2ln' });

/** Drives every transaction that emits an event, through the whole join flow and the other endings. */
async function fullLifecycle(): Promise<ConsortiumHarness> {
  const h = await ConsortiumHarness.create({ withNodes: true });
  const [org1, org2, org3] = [await h.admin('Org1MSP'), await h.admin('Org2MSP'), await h.admin('Org3MSP')];

  const join = await h.propose('Org4MSP');
  const attestInvite = await h.invite('Org2MSP', 'Org4MSP');
  await h.must(org2, 'AttestJoinRequest', attestInvite, JSON.stringify(await h.joinRequest('Org4MSP')));
  const mismatchInvite = await h.invite('Org3MSP', 'Org4MSP');
  await h.must(org3, 'AttestJoinRequest', mismatchInvite, JSON.stringify(await h.joinRequest('Org4MSP', { channels: ['ops-channel', 'other'] })));
  await h.vote(join, 'approve', 'Org2MSP', 'Org3MSP');
  await h.tally(join);
  await h.must(org1, 'RecordConfigUpdate', join, 'ops-channel', UPDATE, '1');
  await h.must(org2, 'RecordConfigSignature', join, 'ops-channel', '1', SIGNATURE);
  await h.must(org1, 'RecordTaskResult', join, 'ops-channel', '1', JSON.stringify({ status: 'STALE', reason: 'moved' }));
  await h.must(org1, 'RecordConfigUpdate', join, 'ops-channel', UPDATE, '2');
  await h.must(org1, 'RecordTaskResult', join, 'ops-channel', '2', JSON.stringify({ status: 'FAILED', reason: 'orderer said no' }));
  await h.must(org1, 'RecordConfigUpdate', join, 'ops-channel', UPDATE, '3');
  await h.must(org1, 'RecordTaskResult', join, 'ops-channel', '3', JSON.stringify({ status: 'COMMITTED', blockNumber: 9 }));
  await h.activate('Org4MSP');
  await h.must(org1, 'UpdateMemberMetadata', JSON.stringify({ description: 'founder' }));
  const sha256 = 'ab'.repeat(32);
  await h.must(org2, 'RecordChaincodePackage', JSON.stringify({ channel: 'ops-channel', name: 'consortium_ops', version: '1.0', sequence: 1, packageId: `consortium_ops_1.0:${sha256}`, sha256, label: 'consortium_ops_1.0' }));
  const deployment = await h.create('Org1MSP', 'DEPLOY_CHAINCODE', { channel: 'mychannel', name: 'basic', version: '1.0', sequence: 1, packageId: `basic_1.0:${sha256}`, sha256, label: 'basic_1.0' });
  await h.vote(deployment, 'approve', 'Org1MSP', 'Org2MSP', 'Org3MSP');
  await h.tally(deployment);
  await h.must(org2, 'RecordDeploymentStep', deployment, JSON.stringify({ status: 'INSTALLED_APPROVED', packageId: `basic_1.0:${sha256}` }));
  const creation = await h.create('Org1MSP', 'CREATE_CHANNEL', { channel: 'mychannel2', members: ['Org1MSP', 'Org2MSP'] });
  await h.vote(creation, 'approve', 'Org1MSP', 'Org2MSP', 'Org3MSP');
  await h.tally(creation);
  await h.must(org1, 'RecordChannelJoin', creation, JSON.stringify({ status: 'JOINED', genesisDataHash: sha256, orderer: true }));

  const revoked = await h.invite('Org1MSP', 'Org5MSP');
  await h.must(org1, 'RevokeInvitation', revoked);
  const withdrawn = await h.create('Org1MSP', 'SUSPEND_ORG', { mspId: 'Org2MSP' });
  await h.must(org1, 'WithdrawProposal', withdrawn);
  const expiring = await h.create('Org1MSP', 'SUSPEND_ORG', { mspId: 'Org3MSP' }, '60');
  h.ledger.advance(60);
  await h.must(org2, 'CloseProposal', expiring);
  const strict = await h.create('Org1MSP', 'SET_VOTING_POLICY', { policy: { rule: 'THRESHOLD', threshold: 4 } });
  const suspend = await h.create('Org2MSP', 'SUSPEND_ORG', { mspId: 'Org4MSP' });
  await h.vote(suspend, 'approve', 'Org1MSP', 'Org2MSP', 'Org3MSP');
  await h.tally(suspend);
  await h.vote(strict, 'approve', 'Org1MSP', 'Org2MSP', 'Org3MSP');
  await h.tally(strict);
  return h;
}

describe('events', () => {
  let h: ConsortiumHarness;
  beforeAll(async () => {
    h = await fullLifecycle();
  });

  test('when any transaction writes, it sets exactly one event', () => {
    const writers = h.endorsements.filter(({ endorsement }) => endorsement.ok && endorsement.tx.stub.writes.size > 0);
    expect(writers.length).toBeGreaterThan(30);
    for (const { fcn, endorsement } of writers) {
      expect({ fcn, setEventCalls: endorsement.tx.stub.setEventCalls }).toEqual({ fcn, setEventCalls: 1 });
    }
  });

  test('when a query runs, it writes nothing and sets no event', () => {
    const queries = h.endorsements.filter(({ fcn }) => fcn.startsWith('Get') || fcn.startsWith('List'));
    expect(queries.length).toBeGreaterThan(0);
    for (const { endorsement } of queries) {
      expect([endorsement.tx.stub.writes.size, endorsement.tx.stub.setEventCalls]).toEqual([0, 0]);
    }
  });

  test('when the whole lifecycle has run, every stable event name has been emitted', () => {
    const emitted = new Set(h.ledger.events.map((e) => e.name));
    expect([...Object.values(EventNames)].filter((name) => !emitted.has(name))).toEqual([]);
  });

  test('when an event is emitted, its payload names itself and carries the transaction id', () => {
    for (const event of h.ledger.events) {
      expect(event.payload).toMatchObject({ name: event.name, txId: event.txId });
    }
  });
});
