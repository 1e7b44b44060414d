import { createHash } from 'node:crypto';
import type { ChaincodeDefinition } from '../../src/fabric/chaincode-definition';
import { FabricAdminError } from '../../src/fabric/fabric-admin-error';
import type { ChaincodeDeployerPort, PackageSourcePort } from '../../src/ports';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A fake package: its first line names its label, as metadata.json would. */
export function fakePackage(label: string, content = 'chaincode code'): Buffer {
  return Buffer.from(`${label}\n${content}`);
}

/** Every org's peer lifecycle on the channels of a deployment, with the rules the agent relies on. */
export class FakeLifecycle {
  /** Calls that changed a peer or a channel; repeated ones (already installed, approved, committed) are not counted. */
  readonly installs: { mspId: string; packageId: string }[] = [];
  readonly approvals: { mspId: string; key: string; packageId: string }[] = [];
  readonly commits: { mspId: string; key: string; blockNumber: number }[] = [];
  readonly downloads: { apiUrl: string; proposalId: string }[] = [];
  /** What the proposer's api-server serves, by proposal id. */
  readonly served = new Map<string, Uint8Array>();
  /** What third-party hosts serve, by URL (a proposal's packageUrl). */
  readonly servedAtUrl = new Map<string, Uint8Array>();
  readonly urlDownloads: string[] = [];
  private readonly installed = new Map<string, Set<string>>();
  private readonly committed = new Map<string, number>();
  private nextBlock = 10;

  constructor(readonly channelOrgs: string[]) {}

  installedOn(mspId: string): string[] {
    return [...(this.installed.get(mspId) ?? [])];
  }

  committedSequence(channel: string, name: string): number | undefined {
    return this.committed.get(`${channel}|${name}`);
  }

  deployer(mspId: string): ChaincodeDeployerPort {
    const defKey = (d: ChaincodeDefinition) => `${d.channelId}|${d.name}|${d.sequence}|${d.version}`;
    const readiness = (d: ChaincodeDefinition) =>
      Object.fromEntries(this.channelOrgs.map((org) => [org, this.approvals.some((a) => a.mspId === org && a.key === defKey(d))]));
    return {
      install: async (bytes) => {
        const packageId = `${Buffer.from(bytes).toString('utf8').split('\n')[0]}:${sha256(bytes)}`;
        const mine = this.installed.get(mspId) ?? new Set<string>();
        this.installed.set(mspId, mine);
        if (mine.has(packageId)) return { packageId, alreadyInstalled: true };
        mine.add(packageId);
        this.installs.push({ mspId, packageId });
        return { packageId, alreadyInstalled: false };
      },
      approve: async (definition, packageId) => {
        if (this.approvals.some((a) => a.mspId === mspId && a.key === defKey(definition))) return { status: 'ALREADY_DONE' };
        if (!this.installed.get(mspId)?.has(packageId)) throw new FabricAdminError('PEER_REJECTED', `${packageId} is not installed on ${mspId}'s peer`);
        this.approvals.push({ mspId, key: defKey(definition), packageId });
        return { status: 'DONE', blockNumber: this.nextBlock++ };
      },
      checkCommitReadiness: async (definition) => readiness(definition),
      commit: async (definition) => {
        const at = `${definition.channelId}|${definition.name}`;
        if ((this.committed.get(at) ?? 0) >= definition.sequence) return { status: 'ALREADY_DONE' };
        const approved = Object.values(readiness(definition)).filter(Boolean).length;
        if (approved <= this.channelOrgs.length / 2) throw new FabricAdminError('PEER_REJECTED', 'not enough approvals');
        this.committed.set(at, definition.sequence);
        const blockNumber = this.nextBlock++;
        this.commits.push({ mspId, key: defKey(definition), blockNumber });
        return { status: 'DONE', blockNumber };
      },
      committedSequence: async (channel, name) => this.committed.get(`${channel}|${name}`),
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
