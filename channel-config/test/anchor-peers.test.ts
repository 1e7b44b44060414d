import type { common } from '@hyperledger/fabric-protos';
import { computeConfigUpdate, setAnchorPeers } from '../src';
import { makeTestOrg, type TestOrg } from '../../core/test/support/cert-tree';
import { decodeAnchorPeers } from './support/decode-values';
import { makeRaftChannelConfig } from './support/hand-made-config';

const appOrg = (config: common.Config, mspId: string) =>
  config.getChannelGroup()?.getGroupsMap().get('Application').getGroupsMap().get(mspId) as common.ConfigGroup;

describe('setAnchorPeers', () => {
  let org1: TestOrg;
  beforeAll(async () => {
    org1 = await makeTestOrg('Org1MSP');
  });

  it("replaces the org's anchor peers and keeps the value's version", () => {
    const original = makeRaftChannelConfig([org1]);

    const updated = setAnchorPeers(original, 'Org1MSP', [{ host: 'peer1.org1.example.com', port: 7051 }, { host: 'peer2.org1.example.com', port: 8051 }]);

    expect(decodeAnchorPeers(appOrg(updated, 'Org1MSP'))).toEqual(['peer1.org1.example.com:7051', 'peer2.org1.example.com:8051']);
    expect(decodeAnchorPeers(appOrg(original, 'Org1MSP'))).toEqual(['127.0.0.1:7051']);
    expect(appOrg(updated, 'Org1MSP').getValuesMap().get('AnchorPeers').getModPolicy()).toBe('Admins');
  });

  it('with no peers, removes the AnchorPeers value, which rewrites the org group', () => {
    const original = makeRaftChannelConfig([org1]);

    const updated = setAnchorPeers(original, 'Org1MSP', []);

    expect(appOrg(updated, 'Org1MSP').getValuesMap().has('AnchorPeers')).toBe(false);
    const org = computeConfigUpdate('ops', original, updated).getWriteSet()?.getGroupsMap().get('Application').getGroupsMap().get('Org1MSP');
    expect([org.getVersion(), org.getModPolicy()]).toEqual([1, 'Admins']);
  });

  it('with the same peers, makes no change', () => {
    const original = makeRaftChannelConfig([org1]);

    const updated = setAnchorPeers(original, 'Org1MSP', [{ host: '127.0.0.1', port: 7051 }]);

    expect(updated.serializeBinary()).toEqual(original.serializeBinary());
  });

  it('when the org is not an application org, refuses with ORG_NOT_FOUND', () => {
    expect(() => setAnchorPeers(makeRaftChannelConfig([org1]), 'Org9MSP', [])).toThrow(expect.objectContaining({ reason: 'ORG_NOT_FOUND' }));
  });
});
