import type { common } from '@hyperledger/fabric-protos';
import { addApplicationOrg, addConsenter, addOrdererOrg, ConfigError, computeConfigUpdate, removeConsenter, removeOrdererOrg, removeOrg, replaceOrgMsp } from '../src';
import { makeTestOrg, type TestOrg } from '../../core/test/support/cert-tree';
import { decodeConsenters } from './support/decode-values';
import { makeRaftChannelConfig, ordererOf } from './support/hand-made-config';

const orgNames = (config: common.Config, section: string) => {
  const names: string[] = [];
  config.getChannelGroup()?.getGroupsMap().get(section).getGroupsMap().forEach((_: unknown, name: string) => names.push(name));
  return names;
};
const endpoints = (config: common.Config) => decodeConsenters(config).map((c) => c.endpoint);

describe('removing orgs and consenters', () => {
  let org1: TestOrg;
  let org2: TestOrg;
  let org3: TestOrg;
  beforeAll(async () => {
    [org1, org2, org3] = await Promise.all([makeTestOrg('Org1MSP'), makeTestOrg('Org2MSP'), makeTestOrg('Org3MSP')]);
  });

  it('removes the org from Application and Orderer, with its consenter', () => {
    const updated = removeOrg(makeRaftChannelConfig([org1, org2]), 'Org2MSP');

    expect(orgNames(updated, 'Application')).toEqual(['Org1MSP']);
    expect(orgNames(updated, 'Orderer')).toEqual(['Org1MSP']);
    expect(endpoints(updated)).toEqual(['127.0.0.1:7050']);
  });

  it("removes a consenter of the org listed at none of its endpoints when its TLS certs chain only to the org's TLS CA", () => {
    const withOrg3 = addOrdererOrg(makeRaftChannelConfig([org1, org2]), { msp: org3.msp, orderers: [ordererOf(org3, 11050, false)] });
    const withCluster = addConsenter(withOrg3, ordererOf(org3, 13050));
    expect(endpoints(withCluster)).toEqual(['127.0.0.1:7050', '127.0.0.1:8050', '127.0.0.1:13050']);

    const updated = removeOrg(withCluster, 'Org3MSP');

    expect(endpoints(updated)).toEqual(['127.0.0.1:7050', '127.0.0.1:8050']);
  });

  describe('when the org shares its TLS CA with a remaining orderer org', () => {
    // One TLS CA serving several orgs: a consenter's certs then prove nothing about which org owns it.
    let sharedTls: TestOrg['msp'];
    beforeAll(() => {
      sharedTls = { ...org3.msp, tlsRootCerts: org1.msp.tlsRootCerts };
    });

    it('keeps a consenter that is not at one of the removed endpoints', () => {
      const withOrg3 = addOrdererOrg(makeRaftChannelConfig([org1]), { msp: sharedTls, orderers: [ordererOf(org3, 12050, false)] });
      const config = addConsenter(withOrg3, ordererOf(org1, 11050));

      const updated = removeOrg(config, 'Org3MSP');

      expect(endpoints(updated)).toEqual(['127.0.0.1:7050', '127.0.0.1:11050']);
    });

    it('removes a consenter at one of the removed endpoints', () => {
      const config = addOrdererOrg(makeRaftChannelConfig([org1]), { msp: sharedTls, orderers: [ordererOf(org1, 12050)] });

      const updated = removeOrg(config, 'Org3MSP');

      expect(endpoints(updated)).toEqual(['127.0.0.1:7050']);
    });
  });

  it('removes an application-only org without touching the consenters', () => {
    const withOrg3 = addApplicationOrg(makeRaftChannelConfig([org1, org2]), { msp: org3.msp, anchorPeers: [] });

    const updated = removeOrg(withOrg3, 'Org3MSP');

    expect(orgNames(updated, 'Application')).toEqual(['Org1MSP', 'Org2MSP']);
    expect(endpoints(updated)).toEqual(['127.0.0.1:7050', '127.0.0.1:8050']);
  });

  it('finds an org whose groups are named after its configtx.yaml Name rather than its MSP ID', () => {
    const config = makeRaftChannelConfig([org1, org2]);
    for (const section of ['Application', 'Orderer']) {
      const orgs = config.getChannelGroup()?.getGroupsMap().get(section).getGroupsMap();
      orgs.set('Org2', orgs.get('Org2MSP'));
      orgs.del('Org2MSP');
    }

    const updated = removeOrg(config, 'Org2MSP');

    expect(orgNames(updated, 'Application')).toEqual(['Org1MSP']);
    expect(orgNames(updated, 'Orderer')).toEqual(['Org1MSP']);
    expect(endpoints(updated)).toEqual(['127.0.0.1:7050']);
  });

  it('when the org is in neither group, refuses with ORG_NOT_FOUND', () => {
    expect(() => removeOrg(makeRaftChannelConfig([org1]), 'Org9MSP')).toThrow(expect.objectContaining({ reason: 'ORG_NOT_FOUND' }));
  });

  it('when its consenters are the only ones, refuses with LAST_CONSENTER', () => {
    expect(() => removeOrg(makeRaftChannelConfig([org1]), 'Org1MSP')).toThrow(expect.objectContaining({ reason: 'LAST_CONSENTER' }));
  });

  it('removes one consenter by host and port, keeping the others in order', () => {
    const updated = removeConsenter(makeRaftChannelConfig([org1, org2, org3]), '127.0.0.1', 8050);

    expect(endpoints(updated)).toEqual(['127.0.0.1:7050', '127.0.0.1:9050']);
    expect(orgNames(updated, 'Orderer')).toEqual(['Org1MSP', 'Org2MSP', 'Org3MSP']);
  });

  it('when no consenter is at that host and port, refuses with CONSENTER_NOT_FOUND', () => {
    expect(() => removeConsenter(makeRaftChannelConfig([org1, org2]), '127.0.0.1', 9999)).toThrow(expect.objectContaining({ reason: 'CONSENTER_NOT_FOUND' }));
  });

  it('refuses to remove the last consenter with LAST_CONSENTER', () => {
    expect(() => removeConsenter(makeRaftChannelConfig([org1]), '127.0.0.1', 7050)).toThrow(expect.objectContaining({ reason: 'LAST_CONSENTER' }));
  });

  it('removeOrdererOrg takes out the orderer org and its consenter and keeps its application org', () => {
    const updated = removeOrdererOrg(makeRaftChannelConfig([org1, org2, org3]), 'Org2MSP');

    expect(orgNames(updated, 'Application')).toEqual(['Org1MSP', 'Org2MSP', 'Org3MSP']);
    expect(orgNames(updated, 'Orderer')).toEqual(['Org1MSP', 'Org3MSP']);
    expect(endpoints(updated)).toEqual(['127.0.0.1:7050', '127.0.0.1:9050']);
    expect(() => removeOrdererOrg(updated, 'Org2MSP')).toThrow(expect.objectContaining({ reason: 'ORG_NOT_FOUND' }));
  });

  it('replaceOrgMsp rewrites only the MSP values of the org, in both of its groups', () => {
    const config = makeRaftChannelConfig([org1, org2]);
    const msp = { ...org2.msp, rootCerts: [...org2.msp.rootCerts, ...org3.msp.rootCerts] };

    const update = computeConfigUpdate('ops-channel', config, replaceOrgMsp(config, msp));

    const written = (section: string) => update.getWriteSet()!.getGroupsMap().get(section)!.getGroupsMap().get('Org2MSP')!;
    for (const section of ['Application', 'Orderer']) {
      expect([...written(section).getValuesMap().keys()]).toEqual(['MSP']);
      expect(written(section).getValuesMap().get('MSP')!.getVersion()).toBe(1);
    }
    expect(update.getWriteSet()!.getGroupsMap().get('Application')!.getGroupsMap().has('Org1MSP')).toBe(false);
    expect(() => replaceOrgMsp(config, org3.msp)).toThrow(ConfigError);
  });
});
