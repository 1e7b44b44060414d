import { createHash } from 'node:crypto';
import { parametersOf, sameParameters, type ChaincodeDefinition, type CommittedChaincode, type DefinitionParameters } from '../../src/fabric';
import { FabricAdminError } from '../../src/fabric/fabric-admin-error';
import type { ChaincodeDeployerPort, PackageSourcePort } from '../../src/ports';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A fake package: its first line names its label, as metadata.json would. */
export function fakePackage(label: string, content = 'chaincode code'): Buffer {
  return Buffer.from(`${label}\n${content}`);
}

/** One org's approval of one definition, with the parameters it approved. */
export interface FakeApproval {
  mspId: string;
  /** `channel|name|sequence|version`. */
  key: string;
  packageId: string;
  parameters: DefinitionParameters;
}

const defKey = (d: { channelId: string; name: string; sequence: number; version: string }) => `${d.channelId}|${d.name}|${d.sequence}|${d.version}`;

/**
 * Every org's peer lifecycle, with the rules of Fabric's `_lifecycle` that the agent relies on:
 * - approvals are per org per definition (its parameters compared as Fabric does), and need the
 *   package installed on the org's peer and the org to be an org of the channel;
 * - an org may approve the committed sequence only with exactly the committed parameters, and never an older one;
 * - a committed definition keeps its parameters, and a peer answers queries about a channel's committed
 *   definitions only once it has joined the channel.
 */
export class FakeLifecycle {
  /** Calls that changed a peer or a channel; repeated ones (already installed, approved, committed) are not counted. */
  readonly installs: { mspId: string; packageId: string }[] = [];
  readonly approvals: FakeApproval[] = [];
  readonly commits: { mspId: string; key: string; blockNumber: number }[] = [];
  /** Every install call, repeated ones included. */
  readonly installCalls: { mspId: string; packageId: string }[] = [];
  readonly downloads: { apiUrl: string; proposalId: string }[] = [];
  /** What the proposer's api-server serves, by proposal id. */
  readonly served = new Map<string, Uint8Array>();
  /** What third-party hosts serve, by URL (a proposal's packageUrl). */
  readonly servedAtUrl = new Map<string, Uint8Array>();
  readonly urlDownloads: string[] = [];
  private readonly installed = new Map<string, Set<string>>();
  private readonly committed = new Map<string, CommittedChaincode>();
  private readonly joined = new Map<string, Set<string>>();
  private readonly orgsOf: (channel: string) => string[];
  private nextBlock = 10;

  /** `channelOrgs`: the application orgs of every channel, or of each channel as its config has them now. */
  constructor(channelOrgs: readonly string[] | ((channel: string) => string[])) {
    this.orgsOf = typeof channelOrgs === 'function' ? channelOrgs : () => [...channelOrgs];
  }

  installedOn(mspId: string): string[] {
    return [...(this.installed.get(mspId) ?? [])];
  }

  committedSequence(channel: string, name: string): number | undefined {
    return this.committed.get(`${channel}|${name}`)?.sequence;
  }

  /** The definition committed under `name`, with its parameters. */
  committedDefinition(channel: string, name: string): CommittedChaincode | undefined {
    return this.committed.get(`${channel}|${name}`);
  }

  /** Joins `mspId`'s peer to `channel` (what cscc JoinChain does); true when it had joined before. */
  joinPeer(mspId: string, channel: string): boolean {
    const channels = this.joined.get(mspId) ?? new Set<string>();
    this.joined.set(mspId, channels);
    const alreadyJoined = channels.has(channel);
    channels.add(channel);
    return alreadyJoined;
  }

  joinedChannels(mspId: string): string[] {
    return [...(this.joined.get(mspId) ?? [])];
  }

  /** Whether `mspId` approved exactly the committed definition, as QueryChaincodeDefinition's approvals say. */
  approvedCommitted(mspId: string, channel: string, committed: CommittedChaincode): boolean {
    const key = defKey({ channelId: channel, ...committed });
    return this.approvals.some((a) => a.mspId === mspId && a.key === key && sameParameters(a.parameters, committed));
  }

  deployer(mspId: string): ChaincodeDeployerPort {
    const approvedBy = (org: string, d: ChaincodeDefinition) => this.approvals.some((a) => a.mspId === org && a.key === defKey(d) && sameParameters(a.parameters, parametersOf(d)));
    const readiness = (d: ChaincodeDefinition) => Object.fromEntries(this.orgsOf(d.channelId).map((org) => [org, approvedBy(org, d)]));
    const onChannel = (channel: string) => {
      if (!this.joined.get(mspId)?.has(channel)) throw new FabricAdminError('PEER_REJECTED', `channel '${channel}' not found on ${mspId}'s peer`);
    };
    return {
      install: async (bytes) => {
        const packageId = `${Buffer.from(bytes).toString('utf8').split('\n')[0]}:${sha256(bytes)}`;
        this.installCalls.push({ mspId, packageId });
        const mine = this.installed.get(mspId) ?? new Set<string>();
        this.installed.set(mspId, mine);
        if (mine.has(packageId)) return { packageId, alreadyInstalled: true };
        mine.add(packageId);
        this.installs.push({ mspId, packageId });
        return { packageId, alreadyInstalled: false };
      },
      approve: async (definition, packageId) => {
        if (approvedBy(mspId, definition)) return { status: 'ALREADY_DONE' };
        if (!this.orgsOf(definition.channelId).includes(mspId)) throw new FabricAdminError('PEER_REJECTED', `${mspId} is not an org of ${definition.channelId}`);
        if (!this.installed.get(mspId)?.has(packageId)) throw new FabricAdminError('PEER_REJECTED', `${packageId} is not installed on ${mspId}'s peer`);
        const current = this.committed.get(`${definition.channelId}|${definition.name}`);
        if (current && (definition.sequence < current.sequence || (definition.sequence === current.sequence && !sameParameters(parametersOf(definition), current)))) {
          throw new FabricAdminError('PEER_REJECTED', `attempted to redefine the current committed sequence (${current.sequence}) illegally`);
        }
        this.approvals.push({ mspId, key: defKey(definition), packageId, parameters: parametersOf(definition) });
        return { status: 'DONE', blockNumber: this.nextBlock++ };
      },
      checkCommitReadiness: async (definition) => readiness(definition),
      commit: async (definition) => {
        const at = `${definition.channelId}|${definition.name}`;
        if ((this.committed.get(at)?.sequence ?? 0) >= definition.sequence) return { status: 'ALREADY_DONE' };
        const orgs = this.orgsOf(definition.channelId);
        const approved = Object.values(readiness(definition)).filter(Boolean).length;
        if (approved <= orgs.length / 2) throw new FabricAdminError('PEER_REJECTED', 'not enough approvals');
        this.committed.set(at, { name: definition.name, ...parametersOf(definition) });
        const blockNumber = this.nextBlock++;
        this.commits.push({ mspId, key: defKey(definition), blockNumber });
        return { status: 'DONE', blockNumber };
      },
      committedSequence: async (channel, name) => this.committedSequence(channel, name),
      committedDefinitions: async (channel) => {
        onChannel(channel);
        return [...this.committed.entries()].filter(([at]) => at.startsWith(`${channel}|`)).map(([, definition]) => definition);
      },
      committedApprovals: async (channel, name) => {
        onChannel(channel);
        const committed = this.committed.get(`${channel}|${name}`);
        return committed && Object.fromEntries(this.orgsOf(channel).map((org) => [org, this.approvedCommitted(org, channel, committed)]));
      },
      installedPackageIds: async () => this.installedOn(mspId),
    };
  }

  packageSource(): PackageSourcePort {
    return {
      download: async (apiUrl, proposalId) => {
        this.downloads.push({ apiUrl, proposalId });
        const bytes = this.served.get(proposalId);
        if (!bytes) throw new Error(`HTTP 404 from ${apiUrl}`);
        return bytes;
      },
      downloadUrl: async (url) => {
        this.urlDownloads.push(url);
        const bytes = this.servedAtUrl.get(url);
        if (!bytes) throw new Error(`HTTP 404 from ${url}`);
        return bytes;
      },
    };
  }
}
