import { createHash } from 'node:crypto';
import { common, msp, peer } from '@hyperledger/fabric-protos';
import { parametersOf, type ChaincodeDefinition, type CommittedChaincode } from '../../../src/fabric';
import type { JoinTaskView, OrdererChannelView } from '../../../src/bootstrap';
import type { PackageRecord } from '../../../src/bootstrap/package-verification';
import { configBlock } from './config-blocks';

/** One channel of the fake network. */
export interface WorldChannel {
  name: string;
  /** The members' orderers' height. */
  height: number;
  genesis: Uint8Array;
  latestConfig: { number: number; bytes: Uint8Array };
  /** True once the channel's config includes Org3 (its ADD_ORG update committed). */
  includesJoiner: boolean;
  definitions: CommittedChaincode[];
}

/** A package file as the fake peer reads it: JSON with the label, so the peer can compute `label:sha256`. */
export function packageBytes(label: string, code = 'code'): Uint8Array {
  return Buffer.from(JSON.stringify({ label, code }));
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** `OR('Org1MSP.member','Org2MSP.member')` as an envelope, enough to check that it re-encodes exactly. */
function signaturePolicy(): common.SignaturePolicyEnvelope {
  const signedBy = (index: number) => {
    const rule = new common.SignaturePolicy();
    rule.setSignedBy(index);
    return rule;
  };
  const nOutOf = new common.SignaturePolicy.NOutOf();
  nOutOf.setN(1);
  nOutOf.setRulesList([signedBy(0), signedBy(1)]);
  const rule = new common.SignaturePolicy();
  rule.setNOutOf(nOutOf);
  const envelope = new common.SignaturePolicyEnvelope();
  envelope.setRule(rule);
  envelope.setIdentitiesList(
    ['Org1MSP', 'Org2MSP'].map((mspId) => {
      const role = new msp.MSPRole();
      role.setMspIdentifier(mspId);
      const principal = new msp.MSPPrincipal();
      principal.setPrincipal(role.serializeBinary());
      return principal;
    }),
  );
  return envelope;
}

/** A committed definition as a peer reports it (parameters in wire form). */
export function committed(definition: Omit<ChaincodeDefinition, 'channelId'>): CommittedChaincode {
  return { name: definition.name, ...parametersOf({ ...definition, channelId: 'any' }) };
}

/**
 * The fake consortium and Org3's own nodes: what the members have (channels, definitions, records, the
 * served package files, the join proposal) and what Org3's orderer and peer hold. `effects` counts what
 * changed a node or the ledger, so tests can assert exactly-once.
 */
export class World {
  readonly mspId = 'Org3MSP';
  readonly proposal = { id: 'p-00000000000000aa', status: 'OPEN', channels: ['ops-channel', 'mychannel'], tasks: [] as JoinTaskView[] };
  tokenUsed = true;
  member = { status: 'PROPOSED' };
  membershipVersion = 5;
  /** Runs before each status poll answers: tests move the proposal along with it. */
  onPoll: ((poll: number) => void) | undefined;
  polls = 0;
  readonly channels = new Map<string, WorldChannel>();
  readonly served = new Map<string, Uint8Array>();
  readonly records = new Map<string, PackageRecord>();
  readonly own = {
    orderer: new Map<string, OrdererChannelView>(),
    peer: new Map<string, number>(),
    installed: new Map<string, Uint8Array>(),
    approvals: new Map<string, string>(),
  };
  readonly effects = { ordererJoins: [] as string[], peerJoins: [] as string[], installs: [] as string[], approvals: [] as string[], activations: [] as number[] };
  /** Every port call, as `port.method`, for no-op assertions. */
  readonly calls: string[] = [];

  /** Two channels, each with one chaincode committed by Org1 and Org2, recorded and served. */
  static standard(options: { anchorPeers?: boolean } = {}): World {
    const world = new World();
    const founders = [{ mspId: 'Org1MSP', anchorPeers: ['127.0.0.1:7051'], orderer: true }, { mspId: 'Org2MSP', anchorPeers: ['127.0.0.1:8051'], orderer: true }];
    const joiner = { mspId: 'Org3MSP', anchorPeers: options.anchorPeers === false ? [] : ['127.0.0.1:9051'], orderer: true };
    const defs: Record<string, Omit<ChaincodeDefinition, 'channelId'>> = {
      'ops-channel': { name: 'consortium_ops', version: '1.0', sequence: 1 },
      mychannel: { name: 'sample', version: '2.1', sequence: 3, initRequired: true, endorsementPolicy: { signaturePolicy: signaturePolicy() }, collections: collections() },
    };
    for (const [name, definition] of Object.entries(defs)) {
      world.channels.set(name, { name, height: 12, genesis: configBlock(name, 0, founders), latestConfig: { number: 9, bytes: configBlock(name, 9, [...founders, joiner]) }, includesJoiner: false, definitions: [committed(definition)] });
      const bytes = packageBytes(`${definition.name}_${definition.version}`);
      const label = `${definition.name}_${definition.version}`;
      world.served.set(`${label}:${sha256(bytes)}`, bytes);
      world.records.set(`${name}/${definition.name}/${definition.sequence}`, { channel: name, name: definition.name, version: definition.version, sequence: definition.sequence, label, sha256: sha256(bytes), packageId: `${label}:${sha256(bytes)}`, recordedBy: 'Org1MSP' });
    }
    return world;
  }

  /** The members approve the join. */
  approve(): void {
    this.proposal.status = 'APPROVED';
    this.member.status = 'APPROVED';
  }

  /** The ADD_ORG update of `channel` commits: its config includes Org3; APPLIED once every channel did. */
  commit(channel: string): void {
    const state = this.channels.get(channel)!;
    state.includesJoiner = true;
    this.proposal.tasks.push({ channel, attempt: 1, status: 'COMMITTED', blockNumber: state.latestConfig.number });
    this.proposal.status = this.proposal.channels.every((c) => this.channels.get(c)!.includesJoiner) ? 'APPLIED' : 'APPLYING';
  }

  /** Approved and applied on every channel. */
  admitted(): this {
    this.approve();
    for (const channel of this.proposal.channels) this.commit(channel);
    return this;
  }
}

function collections(): peer.CollectionConfigPackage {
  const collection = new peer.StaticCollectionConfig();
  collection.setName('private');
  collection.setRequiredPeerCount(0);
  collection.setMaximumPeerCount(3);
  collection.setBlockToLive(100);
  collection.setMemberOnlyRead(true);
  const config = new peer.CollectionConfig();
  config.setStaticCollectionConfig(collection);
  const pkg = new peer.CollectionConfigPackage();
  pkg.setConfigList([config]);
  return pkg;
}
