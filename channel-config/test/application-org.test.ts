import type { common } from '@hyperledger/fabric-protos';
import { addApplicationOrg, buildApplicationOrgGroup } from '../src';
import { makeTestOrg, type TestOrg } from '../../core/test/support/cert-tree';
import { decodeAnchorPeers, decodeMsp, describePolicy, pems } from './support/decode-values';
import { makeConfig, makeRaftChannelConfig } from './support/hand-made-config';

describe('application org builder', () => {
  let org1: TestOrg;
  let org3: TestOrg;
  beforeAll(async () => {
    org1 = await makeTestOrg('Org1MSP');
    org3 = await makeTestOrg('Org3MSP', { withIntermediate: true, explicitAdmins: true, crl: 'empty' });
  });

  const anchorPeers = [{ host: 'peer0.org3.example.com', port: 11051 }];

  it('gives the org NodeOU role policies, all modifiable by its Admins', () => {
    const group = buildApplicationOrgGroup({ msp: org3.msp, anchorPeers });

    expect([group.getVersion(), group.getModPolicy()]).toEqual([0, 'Admins']);
    expect(['Admins', 'Endorsement', 'Readers', 'Writers'].map((p) => describePolicy(group, p))).toEqual([
      'Admins:1-of[Org3MSP.ADMIN]',
      'Admins:1-of[Org3MSP.PEER]',
      'Admins:1-of[Org3MSP.ADMIN, Org3MSP.PEER, Org3MSP.CLIENT]',
      'Admins:1-of[Org3MSP.ADMIN, Org3MSP.CLIENT]',
    ]);
  });

  it('carries the whole MSP definition in the MSP value', () => {
    const fabricMsp = decodeMsp(buildApplicationOrgGroup({ msp: org3.msp, anchorPeers }));

    expect(fabricMsp.getName()).toBe('Org3MSP');
    expect(pems(fabricMsp.getRootCertsList_asU8())).toEqual(org3.msp.rootCerts);
    expect(pems(fabricMsp.getIntermediateCertsList_asU8())).toEqual(org3.msp.intermediateCerts);
    expect(pems(fabricMsp.getAdminsList_asU8())).toEqual([org3.adminCertPem]);
    expect(pems(fabricMsp.getRevocationListList_asU8())).toEqual(org3.msp.revocationList);
    expect(pems(fabricMsp.getTlsRootCertsList_asU8())).toEqual([org3.tlsRootPem]);
    expect(fabricMsp.hasSigningIdentity()).toBe(false);
    expect([fabricMsp.getCryptoConfig()?.getSignatureHashFamily(), fabricMsp.getCryptoConfig()?.getIdentityIdentifierHashFunction()]).toEqual(['SHA2', 'SHA256']);
  });

  it('enables NodeOUs with the OU names, each bound to the single root CA', () => {
    const nodeOus = decodeMsp(buildApplicationOrgGroup({ msp: org3.msp, anchorPeers })).getFabricNodeOus();

    expect(nodeOus?.getEnable()).toBe(true);
    const ids = [nodeOus?.getClientOuIdentifier(), nodeOus?.getPeerOuIdentifier(), nodeOus?.getAdminOuIdentifier(), nodeOus?.getOrdererOuIdentifier()];
    expect(ids.map((id) => id?.getOrganizationalUnitIdentifier())).toEqual(['client', 'peer', 'admin', 'orderer']);
    expect(ids.map((id) => Buffer.from(id?.getCertificate_asU8() ?? []).toString())).toEqual(Array(4).fill(org3.msp.rootCerts[0]));
  });

  it('with several root CAs, binds the NodeOUs to none of them', () => {
    const msp = { ...org3.msp, rootCerts: [...org3.msp.rootCerts, org1.msp.rootCerts[0]] };

    const nodeOus = decodeMsp(buildApplicationOrgGroup({ msp, anchorPeers })).getFabricNodeOus();

    expect(nodeOus?.getPeerOuIdentifier()?.getCertificate_asU8()).toHaveLength(0);
  });

  it('with NodeOUs disabled, writes no NodeOU config', () => {
    const msp = { ...org3.msp, nodeOUs: { ...org3.msp.nodeOUs, enable: false } };

    expect(decodeMsp(buildApplicationOrgGroup({ msp, anchorPeers })).hasFabricNodeOus()).toBe(false);
  });

  it('lists the anchor peers, and writes no AnchorPeers value when there are none', () => {
    expect(decodeAnchorPeers(buildApplicationOrgGroup({ msp: org3.msp, anchorPeers }))).toEqual(['peer0.org3.example.com:11051']);
    expect(buildApplicationOrgGroup({ msp: org3.msp, anchorPeers: [] }).getValuesMap().has('AnchorPeers')).toBe(false);
  });

  it('adds the org under Application/<mspId> of a copy, leaving the input untouched', () => {
    const original = makeRaftChannelConfig([org1]);
    const before = original.serializeBinary();

    const updated = addApplicationOrg(original, { msp: org3.msp, anchorPeers });

    const app = (c: common.Config) => c.getChannelGroup()?.getGroupsMap().get('Application') as common.ConfigGroup;
    expect(app(updated).getGroupsMap().has('Org3MSP')).toBe(true);
    expect(app(updated).getGroupsMap().get('Org1MSP').serializeBinary()).toEqual(app(original).getGroupsMap().get('Org1MSP').serializeBinary());
    expect(original.serializeBinary()).toEqual(before);
  });

  it('when the org is already an application org, refuses with ORG_EXISTS', () => {
    const attempt = () => addApplicationOrg(makeRaftChannelConfig([org1]), { msp: org1.msp, anchorPeers });

    expect(attempt).toThrow(expect.objectContaining({ reason: 'ORG_EXISTS' }));
  });

  it('when the MSP ID is already an application org under another group name, refuses with ORG_EXISTS', () => {
    const config = makeRaftChannelConfig([org1]);
    const orgs = config.getChannelGroup()?.getGroupsMap().get('Application').getGroupsMap();
    orgs.set('Org1', orgs.get('Org1MSP'));
    orgs.del('Org1MSP');

    expect(() => addApplicationOrg(config, { msp: org1.msp, anchorPeers })).toThrow(expect.objectContaining({ reason: 'ORG_EXISTS' }));
  });

  it('when the channel has no Application group, refuses with GROUP_NOT_FOUND', () => {
    const attempt = () => addApplicationOrg(makeConfig({ groups: { Orderer: {} } }), { msp: org3.msp, anchorPeers });

    expect(attempt).toThrow(expect.objectContaining({ reason: 'GROUP_NOT_FOUND' }));
  });
});
