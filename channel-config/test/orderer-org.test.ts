import type { common } from '@hyperledger/fabric-protos';
import { addOrdererOrg, buildOrdererOrgGroup } from '../src';
import { makeTestOrg, type TestOrg } from '../../core/test/support/cert-tree';
import { decodeConsenters, decodeEndpoints, decodeMsp, describePolicy } from './support/decode-values';
import { makeRaftChannelConfig, ordererOf } from './support/hand-made-config';

const ordererGroupOf = (config: common.Config, mspId: string) =>
  config.getChannelGroup()?.getGroupsMap().get('Orderer').getGroupsMap().get(mspId) as common.ConfigGroup | undefined;

describe('orderer org builder', () => {
  let org1: TestOrg;
  let org3: TestOrg;
  beforeAll(async () => {
    [org1, org3] = await Promise.all([makeTestOrg('Org1MSP'), makeTestOrg('Org3MSP')]);
  });

  it('gives the org member/member/admin policies, an MSP value and its endpoints', () => {
    const group = buildOrdererOrgGroup({ msp: org3.msp, orderers: [ordererOf(org3, 11050), ordererOf(org3, 12050, false)] });

    expect([group.getVersion(), group.getModPolicy()]).toEqual([0, 'Admins']);
    expect(['Admins', 'Readers', 'Writers'].map((p) => describePolicy(group, p))).toEqual([
      'Admins:1-of[Org3MSP.ADMIN]',
      'Admins:1-of[Org3MSP.MEMBER]',
      'Admins:1-of[Org3MSP.MEMBER]',
    ]);
    expect(group.getPoliciesMap().has('Endorsement')).toBe(false);
    expect(decodeMsp(group).getName()).toBe('Org3MSP');
    expect(decodeEndpoints(group)).toEqual(['127.0.0.1:11050', '127.0.0.1:12050']);
  });

  it('writes no Endpoints value for an org without orderers', () => {
    expect(buildOrdererOrgGroup({ msp: org3.msp, orderers: [] }).getValuesMap().has('Endpoints')).toBe(false);
  });

  it('appends only the consenting orderers to the Raft consenters, after the existing ones', () => {
    const updated = addOrdererOrg(makeRaftChannelConfig([org1]), { msp: org3.msp, orderers: [ordererOf(org3, 11050), ordererOf(org3, 12050, false)] });

    expect(decodeConsenters(updated)).toEqual([
      { endpoint: '127.0.0.1:7050', server: org1.ordererTls.serverCertPem, client: org1.ordererTls.clientCertPem },
      { endpoint: '127.0.0.1:11050', server: org3.ordererTls.serverCertPem, client: org3.ordererTls.clientCertPem },
    ]);
    expect(ordererGroupOf(updated, 'Org3MSP')).toBeDefined();
  });

  it('keeps the ConsensusType version and mod_policy, and leaves the input untouched', () => {
    const original = makeRaftChannelConfig([org1]);
    const before = original.serializeBinary();

    const updated = addOrdererOrg(original, { msp: org3.msp, orderers: [ordererOf(org3, 11050)] });

    const consensus = updated.getChannelGroup()?.getGroupsMap().get('Orderer').getValuesMap().get('ConsensusType') as common.ConfigValue;
    expect([consensus.getVersion(), consensus.getModPolicy()]).toEqual([4, 'Admins']);
    expect(original.serializeBinary()).toEqual(before);
    expect(ordererGroupOf(original, 'Org3MSP')).toBeUndefined();
  });

  it('when a consenter already listens at that host and port, refuses with CONSENTER_EXISTS', () => {
    const attempt = () => addOrdererOrg(makeRaftChannelConfig([org1]), { msp: org3.msp, orderers: [ordererOf(org3, 7050)] });

    expect(attempt).toThrow(expect.objectContaining({ reason: 'CONSENTER_EXISTS' }));
  });

  it('when the org is already an orderer org, refuses with ORG_EXISTS', () => {
    const attempt = () => addOrdererOrg(makeRaftChannelConfig([org1]), { msp: org1.msp, orderers: [] });

    expect(attempt).toThrow(expect.objectContaining({ reason: 'ORG_EXISTS' }));
  });

  it('when the channel does not run Raft, refuses to add consenters with UNSUPPORTED_CONSENSUS', () => {
    const attempt = () => addOrdererOrg(makeRaftChannelConfig([org1], 'BFT'), { msp: org3.msp, orderers: [ordererOf(org3, 11050)] });

    expect(attempt).toThrow(expect.objectContaining({ reason: 'UNSUPPORTED_CONSENSUS' }));
  });
});
