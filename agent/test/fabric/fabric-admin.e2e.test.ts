import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { common } from '@hyperledger/fabric-protos';
import { queryCommitted as queryCommittedOracle } from '../../../test-network/src/chaincode-lifecycle';
import { packageNodeChaincode, type ChaincodePackage } from '../../../test-network/src/chaincode-package';
import { createGenesisBlock } from '../../../test-network/src/configtx';
import { down, OPS_CHANNEL, processesUsing, up } from '../../../test-network/src/network';
import type { NetworkState } from '../../../test-network/src/network-state';
import { listPeerChannels } from '../../../test-network/src/peer-cli';
import { artifactsDir, orgLayout } from '../../../test-network/src/run-layout';
import { connectPeerAdmin, FabricAdminError, loadSigningIdentityFromMsp, type ChaincodeDefinition } from '../../src/fabric';
import { configSummary, consentedPart, eventually } from './support/block-views';
import { computeConfigUpdate, configUpdateEnvelope, widenEndorsementPolicy } from './support/config-update';
import { chainInfo, commitReadiness, fetchConfigBlock, installedPackageIds, ordererChannels } from '../../../test-network/test/support/fabric-oracles';
import { orgAdmin, type OrgAdmin } from './support/org-admin';
import { peersPolicy } from '../support/endorsement-policy';

jest.setTimeout(600_000);

/** This suite brings up its own two-org network, beside the shared e2e network, in its own ports and folder. */
const RUN_DIR = resolve(__dirname, '..', '..', '..', '.run', 'agent-fabric-e2e');
const BASE_PORT = 24050;
const CHANNEL = 'agent-channel';
const SMOKE_CHAINCODE = resolve(__dirname, '..', '..', '..', 'test-network', 'fixtures', 'smoke-chaincode');
const SIGNATURE_POLICY = "OR('Org1MSP.peer','Org2MSP.peer')";

describe("the agent's Fabric admin operations on a real network, checked with Fabric's own CLIs", () => {
  let network: NetworkState;
  let orgs: OrgAdmin[] = [];
  let channelBlock: Buffer;
  let pkg: ChaincodePackage;
  const definition = (): ChaincodeDefinition => ({
    channelId: CHANNEL,
    name: 'smoke',
    version: '1.0',
    sequence: 1,
    endorsementPolicy: { signaturePolicy: peersPolicy(1, ['Org1MSP', 'Org2MSP']) },
  });

  beforeAll(async () => {
    // A run that crashed may have left its network behind; up() refuses to start over a running one.
    await down(RUN_DIR);
    network = await up({ orgs: 2, basePort: BASE_PORT, runDir: RUN_DIR, channels: [OPS_CHANNEL], log: () => undefined });
    orgs = await Promise.all(network.orgs.map((o) => orgAdmin(network, o.mspId)));
    const members = network.orgs.map((o) => ({ org: orgLayout(RUN_DIR, o.name), ports: o.ports }));
    channelBlock = readFileSync(await createGenesisBlock(network.fabric, artifactsDir(RUN_DIR), CHANNEL, members));
    pkg = packageNodeChaincode(SMOKE_CHAINCODE, 'smoke_1.0', join(mkdtempSync(join(tmpdir(), 'agent-smoke-')), 'smoke.tar.gz'));
  });

  afterAll(async () => {
    orgs.forEach((org) => org.close());
    await down(RUN_DIR);
    expect(processesUsing(RUN_DIR)).toEqual([]);
  });

  it('fetches the latest config block of ops-channel, the same block `peer channel fetch config` returns', async () => {
    const fetched = await orgs[0].orderer.fetchLatestConfigBlock(OPS_CHANNEL);

    const oracle = await fetchConfigBlock(orgs[1].handle, OPS_CHANNEL);
    const oracleGroups = oracle.json.data.data[0].payload.data.config.channel_group.groups;
    expect(configSummary(fetched.bytes)).toEqual({
      channelId: oracle.json.data.data[0].payload.header.channel_header.channel_id,
      application: Object.keys(oracleGroups.Application.groups).sort(),
      orderer: Object.keys(oracleGroups.Orderer.groups).sort(),
    });
    expect(configSummary(fetched.bytes).application).toEqual(['Org1MSP', 'Org2MSP']);
    expect(fetched.number).toBe(Number(oracle.json.header.number));
    // A genesis block carries no orderer signature, so even the bytes agree: re-encoding the block is exact.
    expect(Buffer.from(fetched.bytes).equals(oracle.bytes)).toBe(true);
  });

  it('joins both orderers to a new channel through the participation API, and a second join is a no-op', async () => {
    const first = await Promise.all(orgs.map((org) => org.participation.joinOrderer(channelBlock)));
    const second = await Promise.all(orgs.map((org) => org.participation.joinOrderer(channelBlock)));

    expect(first.map((r) => [r.channel.name, r.alreadyJoined])).toEqual([[CHANNEL, false], [CHANNEL, false]]);
    expect(second.map((r) => [r.channel.name, r.alreadyJoined])).toEqual([[CHANNEL, true], [CHANNEL, true]]);
    for (const org of orgs) {
      expect(await ordererChannels(org.handle)).toContain(CHANNEL);
      expect((await org.participation.listChannels()).map((c) => c.name).sort()).toEqual([CHANNEL, OPS_CHANNEL].sort());
      const channel = await eventually(() => org.participation.getChannel(CHANNEL), (c) => c?.status === 'active', `${CHANNEL} active on ${org.mspId}`);
      expect(channel).toMatchObject({ name: CHANNEL, consensusRelation: 'consenter', status: 'active' });
    }
    expect(await orgs[0].participation.getChannel('no-such-channel')).toBeUndefined();
  });

  it('joins both peers to the new channel with cscc, and a second join is a no-op', async () => {
    const first = await Promise.all(orgs.map((org) => org.peer.joinChannel(channelBlock)));
    const second = await Promise.all(orgs.map((org) => org.peer.joinChannel(channelBlock)));

    expect(first).toEqual([{ channelId: CHANNEL, alreadyJoined: false }, { channelId: CHANNEL, alreadyJoined: false }]);
    expect(second).toEqual([{ channelId: CHANNEL, alreadyJoined: true }, { channelId: CHANNEL, alreadyJoined: true }]);
    for (const org of orgs) {
      expect((await listPeerChannels(org.handle)).sort()).toEqual([CHANNEL, OPS_CHANNEL].sort());
      expect((await org.peer.listChannels()).sort()).toEqual([CHANNEL, OPS_CHANNEL].sort());
    }
  });

  it('refuses a join signed by a non-admin identity with PEER_REJECTED and the peer reason', async () => {
    const client = await loadSigningIdentityFromMsp('Org1MSP', orgs[0].handle.layout.clientMsp);
    const peer = connectPeerAdmin({ endpoint: orgs[0].peerEndpoint, identity: client });
    try {
      await expect(peer.joinChannel(channelBlock)).resolves.toEqual({ channelId: CHANNEL, alreadyJoined: true });
      await expect(peer.installChaincode(readFileSync(pkg.file))).rejects.toMatchObject({ code: 'PEER_REJECTED', message: expect.stringMatching(/policy \[Admins\]/) });
    } finally {
      peer.close();
    }
  });

  it('installs the chaincode package on both peers with _lifecycle, and a second install is a no-op', async () => {
    const packageBytes = readFileSync(pkg.file);

    const first = await Promise.all(orgs.map((org) => org.peer.installChaincode(packageBytes)));
    const second = await Promise.all(orgs.map((org) => org.peer.installChaincode(packageBytes)));

    expect(first).toEqual(orgs.map(() => ({ packageId: pkg.packageId, label: 'smoke_1.0', alreadyInstalled: false })));
    expect(second).toEqual(orgs.map(() => ({ packageId: pkg.packageId, label: 'smoke_1.0', alreadyInstalled: true })));
    for (const org of orgs) {
      expect(await installedPackageIds(org.handle)).toEqual([pkg.packageId]);
      expect((await org.peer.queryInstalled()).map((cc) => cc.packageId)).toEqual([pkg.packageId]);
    }
  });

  it('approves the definition as each org through the gateway, and approving it again is a no-op', async () => {
    const approvals = [];
    for (const org of orgs) approvals.push(await org.lifecycle.approve(definition(), pkg.packageId));
    const again = await Promise.all(orgs.map((org) => org.lifecycle.approve(definition(), pkg.packageId)));

    expect(approvals.map((a) => a.status)).toEqual(['DONE', 'DONE']);
    expect(again.map((a) => a.status)).toEqual(['ALREADY_DONE', 'ALREADY_DONE']);
    expect(await orgs[0].lifecycle.checkCommitReadiness(definition())).toEqual({ Org1MSP: true, Org2MSP: true });
    // The CLI compiles the policy itself: full agreement means the agent encoded it byte for byte the same.
    expect(await commitReadiness(orgs[1].handle, CHANNEL, 'smoke', '1.0', 1, SIGNATURE_POLICY)).toEqual({ Org1MSP: true, Org2MSP: true });
    expect(await orgs[1].lifecycle.queryApproved(CHANNEL, 'smoke', 1)).toMatchObject({ packageId: pkg.packageId, version: '1.0', sequence: 1 });
  });

  it('commits the definition, which queryCommitted and `peer lifecycle chaincode querycommitted` both report, and a second commit is a no-op', async () => {
    const committed = await eventually(
      () => orgs[0].lifecycle.commit(definition()).catch((err: FabricAdminError) => err),
      // Right after a join the gateway may not yet know the other org's peer on the new channel (gossip).
      (result) => !(result instanceof FabricAdminError),
      'a commit the gateway can endorse',
    );
    const again = await orgs[1].lifecycle.commit(definition());

    expect(committed).toMatchObject({ status: 'DONE' });
    expect(again).toEqual({ status: 'ALREADY_DONE' });
    const mine = await orgs[1].peer.queryCommitted(CHANNEL, 'smoke');
    const oracle = await queryCommittedOracle(orgs[1].handle, CHANNEL, 'smoke');
    expect(mine).toMatchObject({ name: 'smoke', sequence: oracle.sequence, version: oracle.version, approvals: oracle.approvals });
    expect(oracle.approvals).toEqual({ Org1MSP: true, Org2MSP: true });
    expect((await orgs[0].peer.queryCommitted(CHANNEL)).map((d) => d.name)).toEqual(['smoke']);
    expect(await orgs[0].peer.queryCommitted(CHANNEL, 'not-deployed')).toBeUndefined();
  });

  it('runs the installed package: a transaction through the gateway reaches the chaincode', async () => {
    const contract = orgs[0].gateway.gateway.getNetwork(CHANNEL).getContract('smoke');

    const writer = await contract.submitTransaction('Put', 'greeting', 'hello');

    expect(Buffer.from(writer).toString('utf8')).toBe('Org1MSP');
  });

  it('reports the same height and newest block hash as `peer channel getinfo`', async () => {
    for (const channelId of [OPS_CHANNEL, CHANNEL]) {
      const mine = await orgs[0].peer.getChainInfo(channelId);
      const oracle = await chainInfo(orgs[0].handle, channelId);
      expect({ height: mine.height, currentBlockHash: mine.currentBlockHash }).toEqual(oracle);
    }
    expect((await orgs[0].peer.getChainInfo(CHANNEL)).height).toBeGreaterThan(3);
  });

  it('broadcasts a signed config update, after which the latest config block is the new one, as `peer channel fetch config` agrees', async () => {
    const before = await orgs[0].orderer.fetchLatestConfigBlock(CHANNEL);
    const update = await computeConfigUpdate(network.fabric.binDir, CHANNEL, before.bytes, widenEndorsementPolicy('Org1MSP'));

    const result = await orgs[0].orderer.broadcast(await configUpdateEnvelope(CHANNEL, update, [orgs[0].identity]));
    await eventually(() => orgs[0].orderer.fetchLatestConfigBlock(CHANNEL), (b) => b.number > before.number, 'the config block');
    // A transaction after the update: the newest block is then no config block, and its metadata must lead back.
    await orgs[1].gateway.gateway.getNetwork(CHANNEL).getContract('smoke').submitTransaction('Put', 'after', 'update');

    expect(result).toEqual({ status: 'SUCCESS', info: '' });
    const newest = await orgs[1].orderer.fetchBlock(CHANNEL, 'newest');
    const latest = await orgs[1].orderer.fetchLatestConfigBlock(CHANNEL);
    const oracle = await fetchConfigBlock(orgs[0].handle, CHANNEL);
    expect(latest.number).toBeGreaterThan(before.number);
    expect(latest.number).toBeLessThan(newest.number);
    expect(latest.number).toBe(Number(oracle.json.header.number));
    // Every Raft orderer signs its own copy of a block: header and data agree, the SIGNATURES metadata does not.
    expect(consentedPart(latest.bytes)).toEqual(consentedPart(oracle.bytes));
    const endorsement = oracle.json.data.data[0].payload.data.config.channel_group.groups.Application.groups.Org1MSP.policies.Endorsement.policy.value;
    expect(JSON.stringify(endorsement)).toContain('"role":"ADMIN"');
  });

  it('refuses a malformed envelope with ORDERER_REJECTED, the BAD_REQUEST status and the orderer info', async () => {
    const malformed = new common.Envelope();
    malformed.setPayload(Buffer.from('not a payload'));
    malformed.setSignature(Buffer.from('not a signature'));

    const failure = await orgs[0].orderer.broadcast(malformed).catch((err: unknown) => err);

    expect(failure).toBeInstanceOf(FabricAdminError);
    expect(failure).toMatchObject({ code: 'ORDERER_REJECTED', status: 'BAD_REQUEST', retryable: false, reason: expect.stringMatching(/^could not determine channel ID/) });
    expect((failure as Error).message).toMatch(/^ORDERER_REJECTED: Broadcast to orderer 127\.0\.0\.1:\d+: BAD_REQUEST: .*error unmarshalling Payload/);
  });

  it('fails a fetch beyond the ledger height with DELIVER_FAILED NOT_FOUND instead of waiting', async () => {
    const failure = orgs[0].orderer.fetchBlock(OPS_CHANNEL, 1_000);

    await expect(failure).rejects.toMatchObject({ code: 'DELIVER_FAILED', status: 'NOT_FOUND' });
  });
});
