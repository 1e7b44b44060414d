import { computeConfigUpdate } from '@opssc/channel-config';
import { common } from '@hyperledger/fabric-protos';
import type { BroadcastOutcome, FetchedConfig } from '../../src/ports';
import { itemKey, mapConfig, rebuildGroup, type ConfigItem } from './config-map';
import { channelMsps, checkSignature } from './fabric-signatures';

/** A config change the orderer committed. */
export interface CommittedChange {
  channelId: string;
  sequence: number;
  blockNumber: number;
  /** True for a change made by `changeOutOfBand` (another admin, not an agent). */
  outOfBand: boolean;
}

interface ChannelState {
  config: common.Config;
  configBlock: number;
  height: number;
}

const clone = (config: common.Config) => common.Config.deserializeBinary(config.serializeBinary());

/**
 * An ordering service that obeys Fabric's configtx rules for CONFIG_UPDATE broadcasts: the read set must
 * match the current versions, every changed element must go to version+1, new elements start at 0, the
 * changed elements' Admins policies must be met by valid admin signatures (an org group: that org; the
 * Application or Orderer group: a majority of its orgs), then the write set is overlaid and a config block
 * cut (sequence + 1). So a second identical broadcast is refused as stale, as a real orderer refuses it.
 */
export class FakeOrderer {
  readonly committed: CommittedChange[] = [];
  readonly answers: BroadcastOutcome[] = [];
  /** Runs once, just before the next broadcast is processed (to make the config move under an agent). */
  beforeNextBroadcast?: () => void;
  private readonly channels = new Map<string, ChannelState>();

  createChannel(channelId: string, config: common.Config): void {
    this.channels.set(channelId, { config: clone(config), configBlock: 0, height: 1 });
  }

  fetchLatestConfig(channelId: string): FetchedConfig | undefined {
    const state = this.channels.get(channelId);
    return state && { channelId, blockNumber: state.configBlock, sequence: state.config.getSequence(), config: clone(state.config) };
  }

  /** Changes the config as another admin would (e.g. an anchor peer update): the agents' updates go stale. */
  changeOutOfBand(channelId: string, change: (config: common.Config) => common.Config): void {
    const state = this.require(channelId);
    const update = computeConfigUpdate(channelId, state.config, change(clone(state.config)));
    const error = this.apply(state, channelId, update, () => undefined);
    if (error) throw new Error(error);
    this.committed.push({ channelId, sequence: state.config.getSequence(), blockNumber: state.configBlock, outOfBand: true });
  }

  broadcast(envelopeBytes: Uint8Array): BroadcastOutcome {
    const hook = this.beforeNextBroadcast;
    this.beforeNextBroadcast = undefined;
    hook?.();
    const answer = this.process(envelopeBytes);
    this.answers.push(answer);
    return answer;
  }

  private require(channelId: string): ChannelState {
    const state = this.channels.get(channelId);
    if (!state) throw new Error(`no channel ${channelId}`);
    return state;
  }

  private process(envelopeBytes: Uint8Array): BroadcastOutcome {
    const envelope = common.Envelope.deserializeBinary(envelopeBytes);
    const payload = common.Payload.deserializeBinary(envelope.getPayload_asU8());
    const header = common.ChannelHeader.deserializeBinary(payload.getHeader()?.getChannelHeader_asU8() ?? new Uint8Array());
    if (header.getType() !== common.HeaderType.CONFIG_UPDATE) return { status: 'BAD_REQUEST', info: 'not a CONFIG_UPDATE' };
    const state = this.channels.get(header.getChannelId());
    if (!state) return { status: 'NOT_FOUND', info: `channel ${header.getChannelId()} does not exist` };
    const creator = checkSignature(state.config, payload.getHeader()?.getSignatureHeader_asU8() ?? new Uint8Array(), envelope.getPayload_asU8(), envelope.getSignature_asU8(), false);
    if ('refused' in creator) return { status: 'FORBIDDEN', info: `implicit policy evaluation failed: envelope signature refused (${creator.refused})` };
    const updateEnvelope = common.ConfigUpdateEnvelope.deserializeBinary(payload.getData_asU8());
    const updateBytes = updateEnvelope.getConfigUpdate_asU8();
    const update = common.ConfigUpdate.deserializeBinary(updateBytes);
    const signers = new Set<string>();
    for (const s of updateEnvelope.getSignaturesList()) {
      const message = Buffer.concat([s.getSignatureHeader_asU8(), updateBytes]);
      const checked = checkSignature(state.config, s.getSignatureHeader_asU8(), message, s.getSignature_asU8(), true);
      if ('mspId' in checked) signers.add(checked.mspId);
    }
    const prefix = `error applying config update to existing channel '${header.getChannelId()}': error authorizing update: `;
    const error = this.apply(state, header.getChannelId(), update, (item, current) => this.policyProblem(item, current, state.config, signers));
    if (error) return { status: 'BAD_REQUEST', info: prefix + error };
    this.committed.push({ channelId: header.getChannelId(), sequence: state.config.getSequence(), blockNumber: state.configBlock, outOfBand: false });
    return { status: 'SUCCESS' };
  }

  /** configtx: verify the read set, compute and verify the delta set, overlay it, cut a config block. */
  private apply(state: ChannelState, channelId: string, update: common.ConfigUpdate, policy: (existing: ConfigItem, current: Map<string, ConfigItem>) => string | undefined): string | undefined {
    if (update.getChannelId() !== channelId) return `ConfigUpdate for channel '${update.getChannelId()}' but envelope for channel '${channelId}'`;
    const current = mapConfig(state.config.getChannelGroup() as common.ConfigGroup);
    const readSet = mapConfig(update.getReadSet() ?? new common.ConfigGroup());
    for (const [key, item] of readSet) {
      const existing = current.get(key);
      if (!existing) return `error validating ReadSet: existing config does not contain element for ${key} but was in the read set`;
      if (existing.version !== item.version) return `error validating ReadSet: proposed update requires that key ${key} be at version ${item.version}, but it is currently at version ${existing.version}`;
    }
    const delta = [...mapConfig(update.getWriteSet() ?? new common.ConfigGroup())].filter(([key, item]) => readSet.get(key)?.version !== item.version);
    if (delta.length === 0) return 'error validating DeltaSet: delta set was empty -- update would have no effect';
    for (const [key, item] of delta) {
      const existing = current.get(key);
      if (!existing) {
        if (item.version !== 0) return `error validating DeltaSet: attempted to set key ${key} to version ${item.version}, but key does not exist`;
        continue;
      }
      if (item.version !== existing.version + 1) return `error validating DeltaSet: attempt to set key ${key} to version ${item.version}, but key is at version ${existing.version}`;
      const problem = policy(existing, current);
      if (problem) return `error validating DeltaSet: policy for ${key} not satisfied: ${problem}`;
    }
    const next = new Map(current);
    for (const [key, item] of delta) next.set(key, item);
    state.config.setChannelGroup(rebuildGroup(next));
    state.config.setSequence(state.config.getSequence() + 1);
    // ordinary blocks come between config blocks on a live channel
    state.height += 3;
    state.configBlock = state.height - 1;
    return undefined;
  }

  /** A simplified, independent Admins check: an org group needs its org, a section or the root a majority. */
  private policyProblem(existing: ConfigItem, current: Map<string, ConfigItem>, config: common.Config, signers: Set<string>): string | undefined {
    const governing = existing.kind === 'Group' ? existing.path : existing.path.slice(0, -1);
    const msps = channelMsps(config);
    const orgsOf = (section: string) => (current.get(itemKey('Group', ['Channel', section]))?.members?.groups ?? []).filter((name) => msps.has(name));
    const majority = (orgs: string[]) => {
      const have = orgs.filter((o) => signers.has(o)).length;
      const need = Math.floor(orgs.length / 2) + 1;
      return have >= need ? undefined : `implicit policy evaluation failed - ${have} sub-policies were satisfied, but this policy requires ${need} of the 'Admins' sub-policies to be satisfied`;
    };
    if (governing.length === 3) return signers.has(governing[2]) ? undefined : `signature set did not satisfy policy: ${governing[2]} did not sign`;
    if (governing.length === 2) return majority(orgsOf(governing[1]));
    return majority(orgsOf('Application')) ?? majority(orgsOf('Orderer'));
  }
}
