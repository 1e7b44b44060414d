import { msp as mspProto } from '@hyperledger/fabric-protos';
import { makeTestOrg } from '../../../core/test/support/cert-tree';
import { groupAt, valuesOf } from '../../src/planner/config-maps';
import { ConsortiumWorld, OPS } from '../support/consortium-world';

jest.setTimeout(60_000);

/** The root certificates of `mspId` as the channel config's group in `section` states them. */
function configRoots(world: ConsortiumWorld, section: 'Application' | 'Orderer', mspId: string): string[] {
  const config = world.orderer.fetchLatestConfig(OPS)!.config;
  const value = valuesOf(groupAt(config, [section, mspId])!).get('MSP')!.getValue_asU8();
  const fabricMsp = mspProto.FabricMSPConfig.deserializeBinary(mspProto.MSPConfig.deserializeBinary(value).getConfig_asU8());
  return fabricMsp.getRootCertsList_asU8().map((pem) => Buffer.from(pem).toString());
}

describe('agents applying an approved UPDATE_ORG_MSP', () => {
  let world: ConsortiumWorld;
  afterEach(async () => world.close());

  it("when Org2 adds a second root CA (the first step of a rotation), its MSP value is replaced in both of its groups and its member record, in one config update", async () => {
    world = await ConsortiumWorld.create(['Org1MSP', 'Org2MSP']);
    const current = (await world.harness.org('Org2MSP')).tree.msp;
    const next = await makeTestOrg('Org2MSP', { now: world.harness.ledger.now() });
    const msp = { ...current, rootCerts: [...current.rootCerts, ...next.msp.rootCerts], tlsRootCerts: [...current.tlsRootCerts, ...next.msp.tlsRootCerts] };
    const proposalId = await world.harness.create('Org2MSP', 'UPDATE_ORG_MSP', { mspId: 'Org2MSP', msp });
    for (const mspId of ['Org1MSP', 'Org2MSP']) await world.startAgent(mspId);
    await world.harness.vote(proposalId, 'approve', 'Org1MSP', 'Org2MSP');
    await world.settle();

    const proposal = await world.harness.proposal(proposalId);
    expect(proposal.status).toBe('APPLIED');
    expect(proposal.tasks).toEqual([expect.objectContaining({ channel: OPS, status: 'COMMITTED' })]);
    expect(world.orderer.committed.filter((c) => !c.outOfBand)).toHaveLength(1);
    for (const section of ['Application', 'Orderer'] as const) expect(configRoots(world, section, 'Org2MSP')).toEqual(msp.rootCerts);
    expect(configRoots(world, 'Application', 'Org1MSP')).toEqual((await world.harness.org('Org1MSP')).tree.msp.rootCerts);
    expect((await world.harness.member('Org2MSP')).msp.rootCerts).toEqual(msp.rootCerts);
  });
});
