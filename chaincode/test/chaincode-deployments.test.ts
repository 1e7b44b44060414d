import { ConsortiumHarness } from './support/consortium-harness';

const SHA = 'ab'.repeat(32);
const SHA2 = 'cd'.repeat(32);
const deploy = (sequence = 1, sha256 = SHA, extra: object = {}) => ({
  channel: 'mychannel', name: 'basic', version: `${sequence}.0`, sequence, packageId: `basic_${sequence}.0:${sha256}`, sha256, label: `basic_${sequence}.0`, ...extra,
});
const COLLECTION = { name: 'assetCollection', policy: "OR('Org1MSP.member','Org2MSP.member')", requiredPeerCount: 1, maxPeerCount: 2, blockToLive: 1000, memberOnlyRead: true, memberOnlyWrite: true };
const step = (value: object) => JSON.stringify(value);
const installed = (sequence = 1, sha256 = SHA) => step({ status: 'INSTALLED_APPROVED', packageId: `basic_${sequence}.0:${sha256}` });

/** Three active orgs (majority policy) with an approved DEPLOY_CHAINCODE of basic sequence 1 by Org1. */
async function approvedDeployment(payload: object = deploy()) {
  const h = await ConsortiumHarness.create();
  const proposalId = await h.create('Org1MSP', 'DEPLOY_CHAINCODE', payload);
  await h.vote(proposalId, 'approve', 'Org1MSP', 'Org2MSP');
  const decided = await h.tally(proposalId);
  return { h, proposalId, decided };
}

describe('chaincode deployment proposals', () => {
  test('when an active admin proposes a deployment, it is OPEN on the target channel with the payload as given', async () => {
    const h = await ConsortiumHarness.create();

    const proposal = await h.must(await h.admin('Org1MSP'), 'CreateProposal', 'DEPLOY_CHAINCODE', JSON.stringify(deploy(1, SHA, { endorsementPolicy: { signaturePolicy: "OR('Org1MSP.peer','Org2MSP.peer')" } })), '');

    expect(proposal).toMatchObject({ type: 'DEPLOY_CHAINCODE', status: 'OPEN', proposer: 'Org1MSP', channels: ['mychannel'], payload: { name: 'basic', sequence: 1 } });
    expect(proposal.subjectMspId).toBeUndefined();
  });

  test('when the deployment defines private data collections, the stored proposal carries them as given, in order', async () => {
    const h = await ConsortiumHarness.create();
    const collections = [COLLECTION, { ...COLLECTION, name: 'Org1MSPPrivateCollection', policy: "OR('Org1MSP.member')", requiredPeerCount: 0, maxPeerCount: 1, endorsementPolicy: { signaturePolicy: "OR('Org1MSP.peer')" } }];

    const proposalId = await h.create('Org1MSP', 'DEPLOY_CHAINCODE', deploy(1, SHA, { collections }));

    const proposal = await h.proposal(proposalId);
    expect(proposal).toMatchObject({ type: 'DEPLOY_CHAINCODE', status: 'OPEN', payload: { name: 'basic' } });
    expect(proposal.payload.collections).toEqual(collections);
  });

  test('when the first deployment does not take sequence 1, it is refused with SEQUENCE_NOT_NEXT', async () => {
    const h = await ConsortiumHarness.create();

    const outcome = await h.submit(await h.admin('Org1MSP'), 'CreateProposal', 'DEPLOY_CHAINCODE', JSON.stringify(deploy(2)), '');

    expect(outcome.code).toBe('SEQUENCE_NOT_NEXT');
  });

  test('when a sequence is already recorded for the chaincode, a proposal for it again is refused with SEQUENCE_NOT_NEXT', async () => {
    const h = await ConsortiumHarness.create();
    const org1 = await h.admin('Org1MSP');
    await h.must(org1, 'RecordChaincodePackage', JSON.stringify({ channel: 'mychannel', name: 'basic', version: '1.0', sequence: 1, packageId: `basic_1.0:${SHA}`, sha256: SHA, label: 'basic_1.0' }));

    expect((await h.submit(org1, 'CreateProposal', 'DEPLOY_CHAINCODE', JSON.stringify(deploy(1)), '')).code).toBe('SEQUENCE_NOT_NEXT');
    expect((await h.submit(org1, 'CreateProposal', 'DEPLOY_CHAINCODE', JSON.stringify(deploy(3, SHA2)), '')).code).toBe('SEQUENCE_NOT_NEXT');
    expect((await h.submit(org1, 'CreateProposal', 'DEPLOY_CHAINCODE', JSON.stringify(deploy(2, SHA2)), '')).result).toMatchObject({ status: 'OPEN' });
  });

  test('when another deployment of the same chaincode is open, a second one is refused with PROPOSAL_EXISTS', async () => {
    const h = await ConsortiumHarness.create();
    await h.create('Org1MSP', 'DEPLOY_CHAINCODE', deploy());

    expect((await h.submit(await h.admin('Org2MSP'), 'CreateProposal', 'DEPLOY_CHAINCODE', JSON.stringify(deploy(1, SHA2)), '')).code).toBe('PROPOSAL_EXISTS');
  });

  test.each([
    ['a package id that is not label:sha256', { packageId: `other:${SHA}` }],
    ['a malformed signature policy', { endorsementPolicy: { signaturePolicy: "OR('Org1MSP.peer'" } }],
    ['an empty list of private data collections', { collections: [] }],
    ['two private data collections of the same name', { collections: [COLLECTION, { ...COLLECTION, blockToLive: 0 }] }],
    ['a collection whose maxPeerCount is below its requiredPeerCount', { collections: [{ ...COLLECTION, requiredPeerCount: 2, maxPeerCount: 1 }] }],
    ['a collection whose member policy is an AND', { collections: [{ ...COLLECTION, policy: "AND('Org1MSP.member','Org2MSP.member')" }] }],
  ])('when the payload has %s, it is refused with INVALID_ARGUMENT', async (_what, extra) => {
    const h = await ConsortiumHarness.create();

    const outcome = await h.submit(await h.admin('Org1MSP'), 'CreateProposal', 'DEPLOY_CHAINCODE', JSON.stringify(deploy(1, SHA, extra)), '');

    expect(outcome.code).toBe('INVALID_ARGUMENT');
  });

  test('when a majority approves, the deployment is APPROVED and at once APPLYING, waiting for its steps', async () => {
    const { decided } = await approvedDeployment();

    expect(decided).toMatchObject({ status: 'APPLYING', channels: ['mychannel'], decision: { outcome: 'APPROVED' } });
  });

  test('when the members reject it, the deployment is REJECTED and no step can be recorded', async () => {
    const h = await ConsortiumHarness.create();
    const proposalId = await h.create('Org1MSP', 'DEPLOY_CHAINCODE', deploy());
    await h.vote(proposalId, 'reject', 'Org1MSP', 'Org2MSP');
    expect((await h.tally(proposalId)).status).toBe('REJECTED');

    expect((await h.submit(await h.admin('Org1MSP'), 'RecordDeploymentStep', proposalId, installed())).code).toBe('INVALID_STATUS_TRANSITION');
  });

  test('when the proposer withdraws it, later votes are refused with PROPOSAL_NOT_OPEN', async () => {
    const h = await ConsortiumHarness.create();
    const proposalId = await h.create('Org1MSP', 'DEPLOY_CHAINCODE', deploy());
    expect((await h.submit(await h.admin('Org2MSP'), 'WithdrawProposal', proposalId)).code).toBe('NOT_PROPOSER');
    await h.must(await h.admin('Org1MSP'), 'WithdrawProposal', proposalId);

    expect((await h.submit(await h.admin('Org2MSP'), 'CastVote', proposalId, 'approve', 'late')).code).toBe('PROPOSAL_NOT_OPEN');
  });

  test('when every org records its approval and one records the commit, the proposal is APPLIED and the package is recorded', async () => {
    const { h, proposalId } = await approvedDeployment();
    const first = await h.submit(await h.admin('Org2MSP'), 'RecordDeploymentStep', proposalId, installed());
    await h.must(await h.admin('Org1MSP'), 'RecordDeploymentStep', proposalId, installed());
    const commit = await h.submit(await h.admin('Org1MSP'), 'RecordDeploymentStep', proposalId, step({ status: 'COMMITTED', blockNumber: 7 }));
    expect((await h.proposal(proposalId)).status).toBe('APPLYING');

    const last = await h.submit(await h.admin('Org3MSP'), 'RecordDeploymentStep', proposalId, installed());

    expect(first.validation?.event).toMatchObject({ name: 'DeploymentStepRecorded', payload: { proposalId, mspId: 'Org2MSP', status: 'INSTALLED_APPROVED' } });
    expect(commit.validation?.event).toMatchObject({ name: 'DeploymentStepRecorded', payload: { status: 'COMMITTED', chaincode: 'basic', sequence: 1 } });
    expect(last.validation?.event).toMatchObject({ name: 'ProposalApplied', payload: { proposalId, status: 'APPLIED' } });
    const proposal = await h.proposal(proposalId);
    expect(proposal.status).toBe('APPLIED');
    // history keys sort by time, then transaction id: compare the set of steps
    expect(proposal.history.map((e: { toStatus?: string }) => e.toStatus).sort()).toEqual(['APPLIED', 'APPLYING', 'APPROVED', 'OPEN']);
    expect(proposal.deploymentSteps.map((s: { kind: string; mspId: string }) => `${s.kind}:${s.mspId}`)).toEqual(['COMMIT:Org1MSP', 'ORG:Org1MSP', 'ORG:Org2MSP', 'ORG:Org3MSP']);
    expect(await h.query(await h.admin('Org2MSP'), 'GetChaincodePackage', 'mychannel', 'basic', '1')).toMatchObject({ packageId: `basic_1.0:${SHA}`, recordedBy: 'Org1MSP' });
  });

  test('when an upgrade follows an applied deployment, it must take the next sequence', async () => {
    const { h, proposalId } = await approvedDeployment();
    for (const org of ['Org1MSP', 'Org2MSP', 'Org3MSP']) await h.must(await h.admin(org), 'RecordDeploymentStep', proposalId, installed());
    await h.must(await h.admin('Org1MSP'), 'RecordDeploymentStep', proposalId, step({ status: 'COMMITTED', blockNumber: 7 }));

    const upgrade = await h.submit(await h.admin('Org2MSP'), 'CreateProposal', 'DEPLOY_CHAINCODE', JSON.stringify(deploy(2, SHA2)), '');

    expect(upgrade.result).toMatchObject({ status: 'OPEN', payload: { sequence: 2 } });
  });

  test('when an org records a second step, it is refused with STEP_EXISTS', async () => {
    const { h, proposalId } = await approvedDeployment();
    const org2 = await h.admin('Org2MSP');
    await h.must(org2, 'RecordDeploymentStep', proposalId, installed());

    expect((await h.submit(org2, 'RecordDeploymentStep', proposalId, step({ status: 'FAILED', reason: 'again' }))).code).toBe('STEP_EXISTS');
  });

  test('when a second org records the commit, it is refused with STEP_EXISTS', async () => {
    const { h, proposalId } = await approvedDeployment();
    for (const org of ['Org1MSP', 'Org2MSP']) await h.must(await h.admin(org), 'RecordDeploymentStep', proposalId, installed());
    await h.must(await h.admin('Org1MSP'), 'RecordDeploymentStep', proposalId, step({ status: 'COMMITTED', blockNumber: 7 }));

    expect((await h.submit(await h.admin('Org2MSP'), 'RecordDeploymentStep', proposalId, step({ status: 'COMMITTED', blockNumber: 8 }))).code).toBe('STEP_EXISTS');
  });

  test('when an org records the commit before its own approval, it is refused with INVALID_STATUS_TRANSITION', async () => {
    const { h, proposalId } = await approvedDeployment();

    expect((await h.submit(await h.admin('Org1MSP'), 'RecordDeploymentStep', proposalId, step({ status: 'COMMITTED', blockNumber: 7 }))).code).toBe('INVALID_STATUS_TRANSITION');
  });

  test('when an org reports another package than the proposal\'s, it is refused with INVALID_ARGUMENT', async () => {
    const { h, proposalId } = await approvedDeployment();

    expect((await h.submit(await h.admin('Org2MSP'), 'RecordDeploymentStep', proposalId, installed(1, SHA2))).code).toBe('INVALID_ARGUMENT');
  });

  test('when an org records FAILED, the proposal is FAILED with its reason and nothing is recorded as committed', async () => {
    const { h, proposalId } = await approvedDeployment();

    const failed = await h.submit(await h.admin('Org2MSP'), 'RecordDeploymentStep', proposalId, step({ status: 'FAILED', reason: 'PACKAGE_HASH_MISMATCH: the served package has another SHA-256' }));

    expect(failed.validation?.event).toMatchObject({ name: 'ProposalFailed', payload: { status: 'FAILED', mspId: 'Org2MSP' } });
    const proposal = await h.proposal(proposalId);
    expect(proposal).toMatchObject({ status: 'FAILED', statusReason: 'Org2MSP: PACKAGE_HASH_MISMATCH: the served package has another SHA-256' });
    expect((await h.submit(await h.admin('Org1MSP'), 'GetChaincodePackage', 'mychannel', 'basic', '1')).code).toBe('CHAINCODE_PACKAGE_NOT_FOUND');
  });

  test('when two orgs record their steps in the same block, both commit: each writes only its own key', async () => {
    const { h, proposalId } = await approvedDeployment();
    await h.must(await h.admin('Org1MSP'), 'RecordDeploymentStep', proposalId, installed());
    const a = await h.endorse(await h.admin('Org2MSP'), 'RecordDeploymentStep', proposalId, installed());
    const b = await h.endorse(await h.admin('Org3MSP'), 'RecordDeploymentStep', proposalId, installed());

    expect(h.commit(a, b).map((v) => v.code)).toEqual(['VALID', 'VALID']);
  });

  test('when the proposal is not a deployment, a step is refused with INVALID_ARGUMENT', async () => {
    const h = await ConsortiumHarness.create();
    const proposalId = await h.create('Org1MSP', 'SET_VOTING_POLICY', { policy: { rule: 'ALL' } });

    expect((await h.submit(await h.admin('Org1MSP'), 'RecordDeploymentStep', proposalId, installed())).code).toBe('INVALID_ARGUMENT');
  });
});
