import { FabricAdminError, parametersOf, sameParameters } from '../../../src/fabric';
import { BootstrapError, JoinApiError, type JoinApiPort, type MemberNetworkFactory, type OwnOrdererPort, type OwnPeerPort } from '../../../src/bootstrap';
import { configBlockOf, inspectOrg } from '../../../src/bootstrap/config-inspection';
import { sha256, type World } from './world';

/** Where a simulated process death hits: right after the effect, before the bootstrap records it. */
export type EffectPoint = 'orderer-join' | 'peer-join' | 'install' | 'approve' | 'activate';

/** A process death: once tripped, every call of the dead instance fails, as nothing runs after a crash. */
export class SimulatedCrash extends Error {
  constructor(point: string) {
    super(`simulated crash (${point})`);
  }
}

/** Kills one bootstrap instance after an effect or after its n-th state save. */
export class Crash {
  dead = false;
  saves = 0;
  constructor(readonly options: { afterEffect?: EffectPoint; afterSave?: number } = {}) {}

  check(call: string, world: World): void {
    world.calls.push(call);
    if (this.dead) throw new SimulatedCrash('dead process');
  }

  effect(point: EffectPoint): void {
    if (this.options.afterEffect === point && !this.dead) this.trip(point);
  }

  saved(): void {
    this.saves += 1;
    if (this.options.afterSave === this.saves && !this.dead) this.trip(`after save ${this.saves}`);
  }

  private trip(point: string): never {
    this.dead = true;
    throw new SimulatedCrash(point);
  }
}

const refused = (message: string) => new FabricAdminError('PEER_REJECTED', `consortium_ops: 10 ABORTED: failed to evaluate (Org1MSP@127.0.0.1:7051: chaincode response 500, ${message})`);

/** The member's api-server, over the world. */
export function fakeJoinApi(world: World, crash: Crash): JoinApiPort {
  const view = () => ({ proposalId: world.proposal.id, status: world.proposal.status, memberStatus: world.member.status, channels: [...world.proposal.channels], tasks: world.proposal.tasks.map((t) => ({ ...t })) });
  return {
    async listJoinRequests() {
      crash.check('api.listJoinRequests', world);
      return world.tokenUsed ? [view()] : [];
    },
    async getJoinRequest() {
      crash.check('api.getJoinRequest', world);
      world.onPoll?.(++world.polls);
      return view();
    },
    async getBootstrap() {
      crash.check('api.getBootstrap', world);
      return { channels: world.proposal.channels.map((channel) => ({ channel, orderers: [], peers: [], tlsRootCerts: {} })) };
    },
    async downloadPackage(packageId) {
      crash.check('api.downloadPackage', world);
      const bytes = world.served.get(packageId);
      if (!bytes) throw new JoinApiError(`no package ${packageId}`, 404, 'NOT_FOUND', false);
      return bytes;
    },
  };
}

/** The members' orderers and peers, over the world. */
export function fakeMembers(world: World, crash: Crash): MemberNetworkFactory {
  const channel = (name: string) => {
    const state = world.channels.get(name);
    if (!state?.includesJoiner) throw new BootstrapError('NOT_IN_CHANNEL_YET', `no member orderer serves ${name} to Org3`, true);
    return state;
  };
  return {
    open: () => ({
      async fetchLatestConfigBlock(name) {
        crash.check('members.fetchLatestConfigBlock', world);
        const state = world.channels.get(name);
        return state?.includesJoiner ? { ...state.latestConfig } : undefined;
      },
      async fetchBlock(name, number) {
        crash.check('members.fetchBlock', world);
        if (number !== 0) throw new Error('the fake serves only genesis blocks');
        return { number: 0, bytes: channel(name).genesis };
      },
      async ordererHeight(name) {
        crash.check('members.ordererHeight', world);
        return channel(name).height;
      },
      async evaluate(transaction, ...args) {
        crash.check(`members.evaluate.${transaction}`, world);
        if (transaction === 'GetMember') return JSON.stringify(world.member);
        if (transaction === 'GetMembershipSnapshot') return JSON.stringify({ version: world.membershipVersion });
        const record = world.records.get(args.join('/'));
        if (transaction !== 'GetChaincodePackage' || !record) throw refused(`CHAINCODE_PACKAGE_NOT_FOUND: no package for ${args.join('/')}`);
        return JSON.stringify(record);
      },
      async submit(transaction, version) {
        crash.check(`members.submit.${transaction}`, world);
        if (world.member.status !== 'APPROVED' || world.proposal.status !== 'APPLIED') throw refused(`INVALID_STATUS_TRANSITION: Org3MSP is ${world.member.status}`);
        if (Number(version) !== world.membershipVersion) throw refused(`MEMBERSHIP_VERSION_STALE: acknowledged ${version}, current is ${world.membershipVersion}`);
        world.member.status = 'ACTIVE';
        world.membershipVersion += 1;
        world.effects.activations.push(Number(version));
        crash.effect('activate');
        return JSON.stringify(world.member);
      },
      close: () => undefined,
    }),
  };
}

/** Org3's orderer: joins only with the channel's latest config block that lists Org3. */
export function fakeOwnOrderer(world: World, crash: Crash): OwnOrdererPort {
  return {
    async getChannel(name) {
      crash.check('orderer.getChannel', world);
      return world.own.orderer.get(name);
    },
    async join(block) {
      crash.check('orderer.join', world);
      const org = inspectOrg(block, world.mspId);
      const existing = world.own.orderer.get(org.channelId);
      if (existing) return { alreadyJoined: true, channel: existing };
      if (!org.application || configBlockOf(block).number !== world.channels.get(org.channelId)?.latestConfig.number) throw new Error('joined with a stale config block');
      const joined = { consensusRelation: org.orderer ? 'consenter' : 'follower', status: 'onboarding', height: 0 };
      world.own.orderer.set(org.channelId, joined);
      world.effects.ordererJoins.push(org.channelId);
      crash.effect('orderer-join');
      return { alreadyJoined: false, channel: joined };
    },
  };
}

/** Org3's peer: joins with block 0, catches up a few blocks per height read, installs and approves like Fabric. */
export function fakeOwnPeer(world: World, crash: Crash): OwnPeerPort {
  return {
    async listChannels() {
      crash.check('peer.listChannels', world);
      return [...world.own.peer.keys()];
    },
    async joinChannel(genesis) {
      crash.check('peer.joinChannel', world);
      const { channelId, number } = configBlockOf(genesis);
      if (number !== 0) throw new FabricAdminError('PEER_REJECTED', 'JoinChain needs the genesis block');
      if (world.own.peer.has(channelId)) return { alreadyJoined: true };
      world.own.peer.set(channelId, 1);
      world.effects.peerJoins.push(channelId);
      crash.effect('peer-join');
      return { alreadyJoined: false };
    },
    async height(name) {
      crash.check('peer.height', world);
      const channel = world.channels.get(name)!;
      const height = Math.min(channel.height, (world.own.peer.get(name) ?? 0) + 4);
      world.own.peer.set(name, height);
      // Like qscc's ACL: the peer admits Org3's admin only once it has the config block that added Org3.
      return height > channel.latestConfig.number ? height : undefined;
    },
    async queryCommitted(name) {
      crash.check('peer.queryCommitted', world);
      const state = world.channels.get(name)!;
      // A peer that has not caught up does not know the definitions yet.
      return (world.own.peer.get(name) ?? 0) >= state.height ? state.definitions : [];
    },
    async installedPackageIds() {
      crash.check('peer.installedPackageIds', world);
      return [...world.own.installed.keys()];
    },
    async install(bytes) {
      crash.check('peer.install', world);
      const packageId = `${(JSON.parse(Buffer.from(bytes).toString('utf8')) as { label: string }).label}:${sha256(bytes)}`;
      if (world.own.installed.has(packageId)) return { packageId, alreadyInstalled: true };
      world.own.installed.set(packageId, bytes);
      world.effects.installs.push(packageId);
      crash.effect('install');
      return { packageId, alreadyInstalled: false };
    },
    async approve(definition, packageId) {
      crash.check('peer.approve', world);
      const committed = world.channels.get(definition.channelId)!.definitions.find((d) => d.name === definition.name)!;
      if (!sameParameters(parametersOf(definition), committed)) throw new FabricAdminError('PEER_REJECTED', 'the approval differs from the committed definition');
      if (!world.own.installed.has(packageId)) throw new FabricAdminError('PEER_REJECTED', `${packageId} is not installed`);
      const key = `${definition.channelId}/${definition.name}/${definition.sequence}`;
      if (world.own.approvals.get(key) === packageId) return { status: 'ALREADY_DONE' };
      world.own.approvals.set(key, packageId);
      world.effects.approvals.push(key);
      crash.effect('approve');
      return { status: 'DONE' };
    },
  };
}
