import { createHash } from 'node:crypto';
import { msp, peer } from '@hyperledger/fabric-protos';
import { definitionFromCommitted } from '../../src/bootstrap/committed-definition';
import { parametersOf, sameParameters } from '../../src/fabric';
import { ConsortiumWorld } from '../support/consortium-world';
import { FakeLifecycle, fakePackage } from '../support/fake-lifecycle';

jest.setTimeout(60_000);

const ORGS = ['Org1MSP', 'Org2MSP', 'Org3MSP'];
const PACKAGE = fakePackage('basic_1.0');
const SHA = createHash('sha256').update(PACKAGE).digest('hex');
const COLLECTIONS = [
  { name: 'assetCollection', policy: "OR('Org1MSP.member','Org2MSP.member','Org3MSP.member')", requiredPeerCount: 1, maxPeerCount: 2, blockToLive: 0, memberOnlyRead: true, memberOnlyWrite: true },
  {
    name: 'Org1MSPPrivateCollection',
    policy: "OR('Org1MSP.member')",
    requiredPeerCount: 0,
    maxPeerCount: 1,
    blockToLive: 3,
    memberOnlyRead: true,
    memberOnlyWrite: false,
    endorsementPolicy: { signaturePolicy: "OR('Org1MSP.peer')" },
  },
];
const PAYLOAD = { channel: 'mychannel', name: 'basic', version: '1.0', sequence: 1, packageId: `basic_1.0:${SHA}`, sha256: SHA, label: 'basic_1.0', collections: COLLECTIONS };

/** The collections of serialized parameters, as the fields a reader of the definition would check. */
function collectionsOf(bytes: Uint8Array) {
  return peer.CollectionConfigPackage.deserializeBinary(bytes)
    .getConfigList()
    .map((config) => {
      const c = config.getStaticCollectionConfig()!;
      const members = c.getMemberOrgsPolicy()?.getSignaturePolicy();
      return {
        name: c.getName(),
        members: members?.getIdentitiesList().map((p) => msp.MSPRole.deserializeBinary(p.getPrincipal_asU8()).getMspIdentifier()),
        requiredPeerCount: c.getRequiredPeerCount(),
        maxPeerCount: c.getMaximumPeerCount(),
        blockToLive: c.getBlockToLive(),
        memberOnlyRead: c.getMemberOnlyRead(),
        memberOnlyWrite: c.getMemberOnlyWrite(),
        endorsedBy: c.getEndorsementPolicy()?.getSignaturePolicy()?.getIdentitiesList().length ?? 0,
      };
    });
}

/** Three orgs' agents, and Org1's DEPLOY_CHAINCODE with collections approved by a majority and carried out. */
async function appliedDeployment(world: ConsortiumWorld): Promise<{ lifecycle: FakeLifecycle; proposalId: string }> {
  await world.harness.must(await world.harness.admin('Org1MSP'), 'UpdateMemberMetadata', JSON.stringify({ apiUrl: 'http://org1.example:3000' }));
  const proposalId = await world.harness.create('Org1MSP', 'DEPLOY_CHAINCODE', PAYLOAD);
  const lifecycle = new FakeLifecycle(ORGS);
  lifecycle.served.set(proposalId, PACKAGE);
  for (const mspId of ORGS) await world.startAgent(mspId, { lifecycle });
  await world.harness.vote(proposalId, 'approve', 'Org1MSP', 'Org2MSP');
  await world.settle();
  return { lifecycle, proposalId };
}

describe('agents deploy a chaincode with private data collections', () => {
  let world: ConsortiumWorld;
  afterEach(async () => world.close());

  it("when the deployment is approved, every org approves and one commits the definition with the proposal's collections", async () => {
    world = await ConsortiumWorld.create(ORGS);

    const { lifecycle, proposalId } = await appliedDeployment(world);

    expect((await world.harness.proposal(proposalId)).status).toBe('APPLIED');
    expect(lifecycle.approvals.map((a) => a.mspId).sort()).toEqual(ORGS);
    expect(lifecycle.commits).toHaveLength(1);
    const committed = lifecycle.committedDefinition('mychannel', 'basic')!;
    expect(collectionsOf(committed.collections)).toEqual([
      { name: 'assetCollection', members: ['Org1MSP', 'Org2MSP', 'Org3MSP'], requiredPeerCount: 1, maxPeerCount: 2, blockToLive: 0, memberOnlyRead: true, memberOnlyWrite: true, endorsedBy: 0 },
      { name: 'Org1MSPPrivateCollection', members: ['Org1MSP'], requiredPeerCount: 0, maxPeerCount: 1, blockToLive: 3, memberOnlyRead: true, memberOnlyWrite: false, endorsedBy: 1 },
    ]);
    // the commit counted every approval: each org approved exactly the committed parameters, collections included
    expect(ORGS.filter((mspId) => lifecycle.approvedCommitted(mspId, 'mychannel', committed))).toEqual(ORGS);
  });

  it('when an org catches up from the committed definition, it rebuilds the same collections the others approved', async () => {
    world = await ConsortiumWorld.create(ORGS);
    const { lifecycle } = await appliedDeployment(world);

    const rebuilt = definitionFromCommitted('mychannel', lifecycle.committedDefinition('mychannel', 'basic')!);

    expect(rebuilt.collections?.getConfigList()).toHaveLength(2);
    expect(lifecycle.approvals.every((a) => sameParameters(parametersOf(rebuilt), a.parameters))).toBe(true);
  });
});
