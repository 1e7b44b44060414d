import { addApplicationOrg, computeConfigUpdate, serializeConfigUpdate, setAnchorPeers, signConfigUpdate } from '@opssc/channel-config';
import type { ConfigSignatureRecord, JoinRequest, TaskResult, TaskView } from '@opssc/core';
import { makeSignedJoinRequest, makeTestOrg, type TestOrg } from '../../../core/test/support';
import { newSigningIdentity } from '../../src/fabric';
import { approvedChange } from '../../src/planner/approved-change';
import type { MemberSummary, ProposalView } from '../../src/planner/proposal-view';
import type { FetchedConfig } from '../../src/ports';
import { channelConfig, fixtureOrderer } from './channel-fixture';
import { FakeOrderer } from './fake-orderer';

export const OPS = 'ops-channel';
export const PROPOSAL_ID = 'p-0123456789abcdef';
export const DECIDED_AT = '2030-01-01T00:00:00.000Z';

/** Generated orgs: Org1 and Org2 are on ops-channel, Org3 joins, Org4 is a stranger. */
export interface PlannerOrgs {
  org1: TestOrg;
  org2: TestOrg;
  org3: TestOrg;
  org4: TestOrg;
  request: JoinRequest;
}

export async function makePlannerOrgs(): Promise<PlannerOrgs> {
  const now = new Date(DECIDED_AT);
  const [org1, org2, org3, org4] = await Promise.all(['Org1MSP', 'Org2MSP', 'Org3MSP', 'Org4MSP'].map((id) => makeTestOrg(id, { now })));
  return { org1, org2, org3, org4, request: makeSignedJoinRequest(org3) };
}

/** ops-channel with `members` as application and orderer orgs, as config block `blockNumber`. */
export function opsChannel(members: TestOrg[], blockNumber = 4, sequence = 2): FetchedConfig {
  const config = channelConfig(members.map((org, i) => ({ msp: org.msp, peerPort: 7051 + 1000 * i, orderer: fixtureOrderer(org.ordererTls, i) })), sequence);
  return { channelId: OPS, blockNumber, sequence, config };
}

/** ops-channel after another admin dropped `mspId`'s anchor peers: committed through the fake orderer, so versions moved. */
export function movedOpsChannel(members: TestOrg[], mspId: string): FetchedConfig {
  const orderer = new FakeOrderer();
  orderer.createChannel(OPS, opsChannel(members).config);
  orderer.changeOutOfBand(OPS, (config) => setAnchorPeers(config, mspId, []));
  return orderer.fetchLatestConfig(OPS) as FetchedConfig;
}

export const activeMembers = (...mspIds: string[]): MemberSummary[] => mspIds.map((mspId) => ({ mspId, status: 'ACTIVE', channels: [OPS] }));

/** An ADD_ORG proposal view of Org3's request, APPLYING unless told otherwise. */
export function addOrgView(orgs: PlannerOrgs, over: Partial<ProposalView> = {}): ProposalView {
  return {
    id: PROPOSAL_ID, type: 'ADD_ORG', status: 'APPLYING', proposer: 'Org3MSP', relayedBy: 'Org1MSP', subjectMspId: 'Org3MSP',
    payload: { request: orgs.request }, channels: [OPS], createdAt: DECIDED_AT, createdTxId: 'tx0', deadline: '2030-01-08T00:00:00.000Z',
    decidedAt: DECIDED_AT, updatedAt: DECIDED_AT, updatedTxId: 'tx1', votes: [], tasks: [], signatures: [], ...over,
  };
}

/** The update the approved change needs on `current` (what an honest designated agent records). */
export function honestUpdate(orgs: PlannerOrgs, current: FetchedConfig): Uint8Array {
  const change = approvedChange(addOrgView(orgs), OPS, current.config);
  if (change.kind !== 'UPDATE') throw new Error(`expected an update, got ${change.kind}`);
  return serializeConfigUpdate(change.update);
}

/** An update that adds Org4's MSP instead. */
export function foreignUpdate(orgs: PlannerOrgs, current: FetchedConfig): Uint8Array {
  return serializeConfigUpdate(computeConfigUpdate(OPS, current.config, addApplicationOrg(current.config, { msp: orgs.org4.msp, anchorPeers: [] })));
}

export function task(update: Uint8Array, recordedBy: string, attempt = 1, result?: Pick<TaskResult, 'status' | 'blockNumber' | 'reason'>): TaskView {
  const base = { proposalId: PROPOSAL_ID, channel: OPS, attempt, configUpdate: Buffer.from(update).toString('base64'), configUpdateDigest: 'd', recordedBy, recordedAt: DECIDED_AT, txId: `tx-task-${attempt}` };
  if (!result) return { ...base, status: 'PENDING' };
  const full: TaskResult = { proposalId: PROPOSAL_ID, channel: OPS, attempt, ...result, recordedBy, recordedAt: DECIDED_AT, txId: `tx-result-${attempt}` };
  return { ...base, status: result.status, result: full };
}

/** `org`'s admin signature over `update`, as RecordConfigSignature stores it. */
export async function signatureOf(org: TestOrg, update: Uint8Array, attempt = 1): Promise<ConfigSignatureRecord> {
  const signer = newSigningIdentity(org.mspId, org.adminCertPem, org.adminKey.export({ type: 'pkcs8', format: 'pem' }) as string);
  const signature = await signConfigUpdate(update, signer.newSignatureHeader(), (m) => signer.sign(m));
  return {
    proposalId: PROPOSAL_ID, channel: OPS, attempt, mspId: org.mspId,
    signatureHeader: Buffer.from(signature.getSignatureHeader_asU8()).toString('base64'),
    signature: Buffer.from(signature.getSignature_asU8()).toString('base64'),
    recordedAt: DECIDED_AT, txId: `tx-sig-${org.mspId}`,
  };
}
