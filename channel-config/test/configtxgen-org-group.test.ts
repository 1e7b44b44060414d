import type { common } from '@hyperledger/fabric-protos';
import { addApplicationOrg, addOrdererOrg, buildApplicationOrgGroup, buildOrdererOrgGroup, computeConfigUpdate, findGroup } from '../src';
import type { MspDefinition } from '@opssc/core';
import { configtxlatorComputeUpdate, protoDecode } from './support/fabric-cli';
import { CHANNEL_ID, generateChannel, makeOrgs, memberSpecs, type Orgs } from './support/generated-channel';
import { ordererOf } from './support/hand-made-config';

// The org groups the library builds must be exactly what configtxgen generates for the same org written in
// a configtx.yaml with test-network's policies. Values are compared as raw bytes: the MSP value bytes are
// Go's encoding on one side and google-protobuf's on the other.
describe('org groups against configtxgen', () => {
  let orgs: Orgs;
  beforeAll(async () => {
    orgs = await makeOrgs();
  }, 60_000);

  function expectSameGroup(ours: common.ConfigGroup, generated: common.ConfigGroup | undefined): void {
    expect(generated).toBeDefined();
    expect(protoDecode('common.ConfigGroup', ours.serializeBinary())).toEqual(protoDecode('common.ConfigGroup', (generated as common.ConfigGroup).serializeBinary()));
    expect(Buffer.from(ours.serializeBinary()).equals(Buffer.from((generated as common.ConfigGroup).serializeBinary()))).toBe(true);
  }

  const variants: [string, (o: Orgs) => MspDefinition][] = [
    ['an org with an intermediate CA, an explicit admin and a CRL', (o) => o.org3.msp],
    ['an org relying on NodeOUs only', (o) => o.org1.msp],
    ['an org with two root CAs', (o) => ({ ...o.org3.msp, rootCerts: [o.org3.msp.rootCerts[0], o.org2.msp.rootCerts[0]] })],
    ['an org with NodeOUs disabled and explicit admins', (o) => ({ ...o.org3.msp, nodeOUs: { ...o.org3.msp.nodeOUs, enable: false } })],
    ['an org with a TLS intermediate CA', (o) => ({ ...o.org3.msp, tlsIntermediateCerts: [o.org2.msp.tlsRootCerts[0]] })],
  ];

  it.each(variants)('builds the application org group of %s as configtxgen does', (_, mspOf) => {
    const msp = mspOf(orgs);
    const anchorPeers = [{ host: 'peer0.org3.example.com', port: 9051 }, { host: '127.0.0.1', port: 9052 }];

    const generated = generateChannel({ applicationOrgs: [{ msp, anchorPeers }], ordererOrgs: memberSpecs([orgs.org1]).ordererOrgs });

    expectSameGroup(buildApplicationOrgGroup({ msp, anchorPeers }), findGroup(generated.config, ['Application', msp.mspId]));
  });

  it('builds an application org group without anchor peers as configtxgen does', () => {
    const generated = generateChannel({ applicationOrgs: [{ msp: orgs.org3.msp, anchorPeers: [] }], ordererOrgs: memberSpecs([orgs.org1]).ordererOrgs });

    expectSameGroup(buildApplicationOrgGroup({ msp: orgs.org3.msp, anchorPeers: [] }), findGroup(generated.config, ['Application', 'Org3MSP']));
  });

  it('builds the orderer org group as configtxgen does', () => {
    const spec = { msp: orgs.org3.msp, orderers: [ordererOf(orgs.org3, 9050), ordererOf(orgs.org3, 9060, false)] };

    const generated = generateChannel({ applicationOrgs: [], ordererOrgs: [spec] });

    expectSameGroup(buildOrdererOrgGroup(spec), findGroup(generated.config, ['Orderer', 'Org3MSP']));
  });

  it('adding an org to a generated channel yields the channel configtxgen generates with the org in it', () => {
    const before = generateChannel(memberSpecs([orgs.org1, orgs.org2]));
    const withOrg3 = generateChannel(memberSpecs([orgs.org1, orgs.org2, orgs.org3]));
    const org3 = memberSpecs([orgs.org3], 2);

    const joined = addOrdererOrg(addApplicationOrg(before.config, org3.applicationOrgs[0]), org3.ordererOrgs[0]);

    // No difference, by the library's rules and by configtxlator's: same members, mod_policies and bytes.
    expect(() => computeConfigUpdate(CHANNEL_ID, joined, withOrg3.config)).toThrow(expect.objectContaining({ reason: 'NO_CHANGE' }));
    expect(() => configtxlatorComputeUpdate(CHANNEL_ID, joined.serializeBinary(), withOrg3.config.serializeBinary())).toThrow(/no differences detected/);
    expect(() => computeConfigUpdate(CHANNEL_ID, before.config, withOrg3.config)).not.toThrow();
  });
});
