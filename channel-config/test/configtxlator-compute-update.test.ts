import type { common } from '@hyperledger/fabric-protos';
import {
  addApplicationOrg,
  addOrdererOrg,
  computeConfigUpdate,
  configUpdateDifference,
  decodeConfigUpdate,
  removeConsenter,
  removeOrg,
  serializeConfigUpdate,
  setAnchorPeers,
  setBatchSize,
  setBatchTimeout,
} from '../src';
import { configtxlatorComputeUpdate, protoDecode } from './support/fabric-cli';
import { CHANNEL_ID, generateChannel, makeOrgs, memberSpecs, type Orgs } from './support/generated-channel';
import { type GroupView, viewGroup } from './support/group-view';
import { ordererOf } from './support/hand-made-config';

// Differential tests: the library's update must be the one `configtxlator compute_update` computes, on a
// channel made by the real configtxgen. They fail (never skip) when the Fabric binaries are missing.
describe('computeConfigUpdate against configtxlator compute_update', () => {
  let orgs: Orgs;
  let genesis: common.Config;
  beforeAll(async () => {
    orgs = await makeOrgs();
    genesis = generateChannel(memberSpecs([orgs.org1, orgs.org2])).config;
  }, 60_000);

  /** Computes the update both ways, asserts they are the same update, and returns ours for further checks. */
  function expectSameAsConfigtxlator(updated: common.Config): { write: GroupView; read: GroupView } {
    const ours = computeConfigUpdate(CHANNEL_ID, genesis, updated);
    const theirsBytes = configtxlatorComputeUpdate(CHANNEL_ID, genesis.serializeBinary(), updated.serializeBinary());

    expect(configUpdateDifference(ours, decodeConfigUpdate(theirsBytes))).toBeUndefined();
    // configtxlator writes map entries in Go's random map order; re-encoded with sorted keys its update is
    // byte for byte ours.
    expect(Buffer.from(decodeConfigUpdate(theirsBytes).serializeBinary()).equals(Buffer.from(serializeConfigUpdate(ours)))).toBe(true);
    expect(protoDecode('common.ConfigUpdate', serializeConfigUpdate(ours))).toEqual(protoDecode('common.ConfigUpdate', theirsBytes));
    return { write: viewGroup(ours.getWriteSet()) as GroupView, read: viewGroup(ours.getReadSet()) as GroupView };
  }

  it('agrees on adding an application org', () => {
    const { write } = expectSameAsConfigtxlator(addApplicationOrg(genesis, { msp: orgs.org3.msp, anchorPeers: [{ host: '127.0.0.1', port: 9051 }] }));

    expect(Object.keys(write.groups)).toEqual(['Application']);
    expect(write.groups.Application.version).toBe(1);
    expect(write.groups.Application.groups.Org3MSP.version).toBe(0);
  });

  it('agrees on adding an orderer org with a consenter and a follower', () => {
    const orderers = [ordererOf(orgs.org3, 9050), ordererOf(orgs.org3, 9060, false)];

    const { write } = expectSameAsConfigtxlator(addOrdererOrg(genesis, { msp: orgs.org3.msp, orderers }));

    expect(Object.keys(write.groups.Orderer.groups)).toEqual(['Org1MSP', 'Org2MSP', 'Org3MSP']);
    expect(write.groups.Orderer.values.ConsensusType.version).toBe(1);
  });

  it('agrees on the whole join of an org with peers and an orderer', () => {
    const joined = addOrdererOrg(addApplicationOrg(genesis, { msp: orgs.org3.msp, anchorPeers: [] }), { msp: orgs.org3.msp, orderers: [ordererOf(orgs.org3, 9050)] });

    const { write } = expectSameAsConfigtxlator(joined);

    expect(Object.keys(write.groups)).toEqual(['Application', 'Orderer']);
  });

  it('agrees on removing an org and its consenter', () => {
    const { write } = expectSameAsConfigtxlator(removeOrg(genesis, 'Org2MSP'));

    expect(Object.keys(write.groups.Application.groups)).toEqual(['Org1MSP']);
    expect(Object.keys(write.groups.Orderer.groups)).toEqual(['Org1MSP']);
  });

  it('agrees on removing a consenter', () => {
    const { write, read } = expectSameAsConfigtxlator(removeConsenter(genesis, '127.0.0.1', 8050));

    expect(Object.keys(write.groups.Orderer.values)).toEqual(['ConsensusType']);
    expect(read.groups.Orderer.values).toEqual({});
  });

  it('agrees on changing the batch timeout', () => {
    const { write } = expectSameAsConfigtxlator(setBatchTimeout(genesis, '250ms'));

    expect(write.groups.Orderer.values.BatchTimeout.version).toBe(1);
  });

  it('agrees on changing the batch size', () => {
    expectSameAsConfigtxlator(setBatchSize(genesis, { maxMessageCount: 10, preferredMaxBytes: 512 * 1024 }));
  });

  it('agrees on changing anchor peers', () => {
    const { write } = expectSameAsConfigtxlator(setAnchorPeers(genesis, 'Org1MSP', [{ host: 'peer1.org1.example.com', port: 7051 }]));

    expect(write.groups.Application.groups.Org1MSP.version).toBe(0);
  });

  it('agrees on removing all anchor peers, which rewrites the org group', () => {
    const { write } = expectSameAsConfigtxlator(setAnchorPeers(genesis, 'Org2MSP', []));

    expect(write.groups.Application.groups.Org2MSP.version).toBe(1);
  });

  it('agrees on several changes at once', () => {
    const updated = setBatchTimeout(removeOrg(addApplicationOrg(genesis, { msp: orgs.org3.msp, anchorPeers: [] }), 'Org2MSP'), '500ms');

    expectSameAsConfigtxlator(updated);
  });

  it('agrees that an unchanged config is no update', () => {
    expect(() => computeConfigUpdate(CHANNEL_ID, genesis, setBatchTimeout(genesis, '2s'))).toThrow(expect.objectContaining({ reason: 'NO_CHANGE' }));
    expect(() => configtxlatorComputeUpdate(CHANNEL_ID, genesis.serializeBinary(), genesis.serializeBinary())).toThrow(/no differences detected/);
  });
});
