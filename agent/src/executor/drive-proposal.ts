import { logStep, type StepOutcome, type StepRecord } from '../logging/step-log';
import { classifyLedgerError } from '../ledger/classify-failure';
import type { ChannelAction } from '../planner/actions';
import { removedOrg } from '../planner/approved-change';
import { planChannel } from '../planner/plan-channel';
import { planDeployment, type DeploymentView } from '../planner/plan-deployment';
import { planProposal } from '../planner/plan-proposal';
import type { MemberSummary, ProposalView } from '../planner/proposal-view';
import type { MemberOrderer } from '../ports';
import type { StatusBoard } from '../status/status-board';
import { catchUpChannelChaincodes } from './catch-up-channel-chaincodes';
import { joinNewChannel } from './create-channel';
import { performDeployment } from './deploy-chaincode';
import { executeChannelAction } from './execute-action';
import type { ExecutorDeps } from './executor-deps';

/** How a drive ended: nothing to do, waiting for others, or interrupted (the next event or reconcile resumes). */
export type DriveOutcome = 'idle' | 'waiting' | 'retry-later' | 'error';

/** Who the agent is and how far one drive may go. */
export interface DriverSettings {
  mspId: string;
  /** Steps per drive; a bound against any plan/act loop that would not converge. */
  maxSteps: number;
}

/**
 * Drives one proposal as far as this org can take it now: read the proposal from the chain, plan, act,
 * and again, until the plan says wait (or there is nothing to do). It keeps no state of its own between
 * drives, so a drive after a crash, a replayed event or a periodic reconcile all take the same path.
 */
export class ProposalDriver {
  constructor(
    private readonly deps: ExecutorDeps,
    private readonly status: StatusBoard,
    private readonly settings: DriverSettings,
  ) {}

  async drive(proposalId: string): Promise<DriveOutcome> {
    try {
      for (let step = 0; step < this.settings.maxSteps; step++) {
        const done = await this.step(proposalId);
        if (done) return done;
      }
      this.fail(proposalId, 'retry-later', `gave up after ${this.settings.maxSteps} steps; will resume later`);
      return 'retry-later';
    } catch (err) {
      const failure = classifyLedgerError(err);
      const outcome = failure.kind === 'transient' ? 'retry-later' : 'error';
      this.fail(proposalId, outcome, (err as Error).message);
      return outcome;
    }
  }

  /** One plan-and-act round; returns the drive's outcome when the drive should stop. */
  private async step(proposalId: string): Promise<DriveOutcome | undefined> {
    const { client, clock, configFetcher } = this.deps;
    const me = this.settings.mspId;
    const proposal = await client.getProposal(proposalId);
    const members = await client.listMembers();
    const next = planProposal(proposal, me, members);
    if (next.kind === 'IDLE') {
      this.status.report({ proposalId, proposalStatus: proposal.status, step: 'IDLE', state: 'idle', note: next.reason });
      return 'idle';
    }
    if (next.kind === 'TALLY') {
      const written = await client.tally(proposalId);
      this.log(proposal, { step: 'TALLY', outcome: written.kind === 'committed' ? 'done' : 'already-done', detail: `the votes decide: ${proposal.evaluation?.kind}` });
      return undefined;
    }
    if (next.kind === 'DEPLOY') {
      return this.deploy(proposal, members);
    }
    if (next.kind === 'JOIN_PEER') {
      return this.joinPeer(proposal, next.channel);
    }
    if (next.kind === 'JOIN_ORDERER') {
      return this.joinOrderer(proposal, next.channel);
    }
    if (next.kind === 'LEAVE_ORDERER') {
      return this.leaveOrderer(proposal, next.channel);
    }
    if (next.kind === 'JOIN_NEW_CHANNEL') {
      return this.joinNewChannel(proposal, next.channel);
    }
    const { channel } = next;
    const current = await configFetcher.fetchLatestConfig(channel);
    const committed = current && removedOrg(proposal) ? await this.deps.chaincodeDefinitions.queryCommitted(channel) : undefined;
    const action = planChannel({ proposal, channel, me, members, current, committed, now: clock.now(), failoverMs: this.deps.timing.failoverMs });
    if (action.kind === 'DONE') return undefined;
    if (action.kind === 'WAIT') {
      this.waiting(proposal, channel, action);
      return 'waiting';
    }
    this.status.report({ proposalId, proposalStatus: proposal.status, channel, attempt: action.attempt, step: action.kind, state: 'working' });
    if (!current) return 'waiting';
    const performed = await executeChannelAction(this.deps, proposal, channel, action, current);
    this.log(proposal, { channel, attempt: action.attempt, step: action.kind, outcome: performed.outcome, detail: performed.detail });
    return undefined;
  }

  /** One deployment step of a DEPLOY_CHAINCODE (plan-deployment.ts, deploy-chaincode.ts). */
  private async deploy(proposal: DeploymentView, members: MemberSummary[]): Promise<DriveOutcome | undefined> {
    const { deployer, packageSource, clock } = this.deps;
    const me = this.settings.mspId;
    const channel = proposal.channels[0];
    if (!deployer || !packageSource) {
      this.status.report({ proposalId: proposal.id, proposalStatus: proposal.status, channel, step: 'IDLE', state: 'idle', note: 'this agent is not wired for chaincode deployments' });
      return 'idle';
    }
    const action = planDeployment(proposal, me, members, clock.now(), this.deps.timing.failoverMs);
    if (action.kind === 'NOT_ON_CHANNEL') {
      this.status.report({ proposalId: proposal.id, proposalStatus: proposal.status, channel, step: 'IDLE', state: 'idle', note: `${me} is not on ${action.channel}: the deployment is its orgs' to carry out` });
      return 'idle';
    }
    if (action.kind === 'DONE') {
      this.status.report({ proposalId: proposal.id, proposalStatus: proposal.status, channel, step: 'IDLE', state: 'idle', note: `${me}'s part of the deployment is recorded` });
      return 'idle';
    }
    if (action.kind === 'WAIT') {
      this.waiting(proposal, channel, { kind: 'WAIT', waitingFor: action.waitingFor });
      return 'waiting';
    }
    const waitedFor = this.status.activity(proposal.id)?.waitingFor;
    this.status.report({ proposalId: proposal.id, proposalStatus: proposal.status, channel, step: action.kind, state: 'working' });
    const outcome = await performDeployment({ ...this.deps, deployer, packageSource }, proposal, action, (record) => this.log(proposal, { channel, ...record }));
    if (outcome !== 'continue') {
      this.status.report({ proposalId: proposal.id, proposalStatus: proposal.status, channel, step: 'WAIT', state: 'waiting', waitingFor: outcome.waitingFor });
      // one line per change of what it waits for, not one per drive (each drive retries the commit)
      if (outcome.waitingFor !== waitedFor) this.log(proposal, { channel, step: action.kind, outcome: 'waiting', waitingFor: outcome.waitingFor });
      return 'waiting';
    }
    return undefined;
  }

  /**
   * Joins this org's peer to a channel an APPLIED UPDATE_CHANNEL added it to, with block 0 from another
   * member's orderer (this org's orderer is not on the channel), then catches up the chaincodes already
   * committed on it (catchUpChaincodes).
   */
  private async joinPeer(proposal: ProposalView, channel: string): Promise<DriveOutcome> {
    const { channelJoin } = this.deps;
    const me = this.settings.mspId;
    const report = (state: 'idle' | 'waiting', note: string) =>
      this.status.report({ proposalId: proposal.id, proposalStatus: proposal.status, channel, step: 'JOIN_PEER', state, ...(state === 'idle' ? { note } : { waitingFor: note }) });
    if (!channelJoin) {
      report('idle', `this agent is not wired to join its peer; join it to ${channel} by hand`);
      return 'idle';
    }
    const justJoined = !(await channelJoin.joinedChannels()).includes(channel);
    if (justJoined) {
      const orderers = await this.otherMembersOrderers();
      const genesis = await channelJoin.fetchGenesisBlock(channel, orderers);
      if (!genesis) {
        report('waiting', `a member orderer that serves ${channel}'s genesis block to ${me}`);
        return 'waiting';
      }
      const joined = await channelJoin.joinPeer(genesis);
      this.log(proposal, { channel, step: 'JOIN_PEER', outcome: joined.alreadyJoined ? 'already-done' : 'done', detail: 'joined the peer with the genesis block' });
    }
    return this.catchUpChaincodes(proposal, channel, justJoined);
  }

  /**
   * Once the peer has joined: installs and approves for this org the chaincodes committed on the channel
   * (catch-up-channel-chaincodes.ts). Every drive of the proposal (its event, each periodic reconcile)
   * does what is left, so a definition the peer reports only once it has caught up is done by a later
   * drive. What only the operator can do is on the status board, and logged once per change.
   */
  private async catchUpChaincodes(proposal: ProposalView, channel: string, justJoined: boolean): Promise<DriveOutcome> {
    const { deployer, packageSource } = this.deps;
    const me = this.settings.mspId;
    const activity = { proposalId: proposal.id, proposalStatus: proposal.status, channel, step: 'CATCH_UP_CHAINCODES' };
    if (!deployer || !packageSource) {
      this.status.report({ ...activity, state: 'idle', note: `the peer has joined ${channel}; this agent is not wired for chaincodes: install and approve ${channel}'s committed chaincodes by hand` });
      return 'idle';
    }
    const result = await catchUpChannelChaincodes({ ...this.deps, deployer, packageSource }, channel, me, (record) => this.log(proposal, { channel, ...record }), justJoined);
    if (result.kind === 'complete') {
      const approved = result.approved.length > 0 ? `${me} approved ${result.approved.join(', ')}` : 'the peer reports no committed chaincode on it yet';
      this.status.report({ ...activity, state: 'idle', note: `the peer has joined ${channel}; ${approved}` });
      return 'idle';
    }
    this.waiting(proposal, channel, { kind: 'WAIT', waitingFor: result.waitingFor, ...(result.problem ? { problem: result.problem } : {}) }, activity.step);
    return 'waiting';
  }

  /**
   * Joins this org's orderer to a running channel an APPLIED UPDATE_CHANNEL made it a consenter of, with
   * the channel's latest config block (which lists it) from another member's orderer; the orderer then
   * replicates the chain from the other consenters.
   */
  private async joinOrderer(proposal: ProposalView, channel: string): Promise<DriveOutcome> {
    const { channelJoin, ordererJoin } = this.deps;
    const report = (state: 'idle' | 'waiting', note: string) =>
      this.status.report({ proposalId: proposal.id, proposalStatus: proposal.status, channel, step: 'JOIN_ORDERER', state, ...(state === 'idle' ? { note } : { waitingFor: note }) });
    if (!channelJoin || !ordererJoin) {
      report('idle', `this agent has no orderer admin endpoint (OPSSC_ORDERER_ADMIN_URL); join the orderer to ${channel} by hand`);
      return 'idle';
    }
    const existing = await ordererJoin.channelStatus(channel);
    if (existing) {
      report('idle', `the orderer is a ${existing.consensusRelation} of ${channel} (${existing.status})`);
      return 'idle';
    }
    const block = await channelJoin.fetchLatestConfigBlock(channel, await this.otherMembersOrderers());
    if (!block) {
      report('waiting', `a member orderer that serves ${channel}'s config to ${this.settings.mspId}`);
      return 'waiting';
    }
    const joined = await ordererJoin.join(block);
    this.log(proposal, { channel, step: 'JOIN_ORDERER', outcome: joined.alreadyJoined ? 'already-done' : 'done', detail: 'joined the orderer with the latest config block' });
    report('idle', `the orderer has joined ${channel}`);
    return 'idle';
  }

  /**
   * Removes a channel from this org's orderer once an APPLIED REMOVE_CONSENTER took it out of the channel's
   * consenters (and its orderer org out of the config): the orderer can no longer take part, and without
   * this it keeps the dead channel and logs about it.
   */
  private async leaveOrderer(proposal: ProposalView, channel: string): Promise<DriveOutcome> {
    const { ordererJoin } = this.deps;
    const report = (note: string) => this.status.report({ proposalId: proposal.id, proposalStatus: proposal.status, channel, step: 'LEAVE_ORDERER', state: 'idle', note });
    if (!ordererJoin) {
      report(`this agent has no orderer admin endpoint (OPSSC_ORDERER_ADMIN_URL); remove ${channel} from the orderer by hand (osnadmin channel remove)`);
      return 'idle';
    }
    if (!(await ordererJoin.channelStatus(channel))) {
      report(`the orderer is not on ${channel}`);
      return 'idle';
    }
    const left = await ordererJoin.leave(channel);
    this.log(proposal, { channel, step: 'LEAVE_ORDERER', outcome: left.alreadyLeft ? 'already-done' : 'done', detail: 'removed the channel from the orderer, no longer one of its consenters' });
    report(`the orderer has left ${channel}`);
    return 'idle';
  }

  /** Every other ACTIVE member's orderers, as their member records name them. */
  private async otherMembersOrderers(): Promise<MemberOrderer[]> {
    return (await this.deps.client.listMemberRecords())
      .filter((m) => m.mspId !== this.settings.mspId && m.status === 'ACTIVE')
      .flatMap((m) => m.nodes.orderers.map((o) => ({ mspId: m.mspId, address: `${o.host}:${o.port}`, tlsRootCerts: [...m.msp.tlsRootCerts, ...m.msp.tlsIntermediateCerts] })));
  }

  /** This org's part of an approved CREATE_CHANNEL (create-channel.ts). */
  private async joinNewChannel(proposal: ProposalView, channel: string): Promise<DriveOutcome | undefined> {
    const { channelJoin } = this.deps;
    if (!channelJoin) {
      this.status.report({ proposalId: proposal.id, proposalStatus: proposal.status, channel, step: 'IDLE', state: 'idle', note: `this agent is not wired to join its peer; join it to ${channel} by hand` });
      return 'idle';
    }
    this.status.report({ proposalId: proposal.id, proposalStatus: proposal.status, channel, step: 'JOIN_NEW_CHANNEL', state: 'working' });
    const outcome = await joinNewChannel({ ...this.deps, channelJoin }, proposal, this.settings.mspId, (record) => this.log(proposal, { channel, ...record }));
    if (outcome === 'recorded') return undefined;
    this.waiting(proposal, channel, { kind: 'WAIT', waitingFor: outcome.waiting, problem: `this org is a consenter of ${channel} but its agent cannot reach its orderer's admin endpoint` });
    return 'waiting';
  }

  private waiting(proposal: ProposalView, channel: string, action: Extract<ChannelAction, { kind: 'WAIT' }>, step = 'WAIT'): void {
    const changed = this.status.report({
      proposalId: proposal.id, proposalStatus: proposal.status, channel, attempt: action.attempt, step, state: 'waiting',
      waitingFor: action.waitingFor, ...(action.problem ? { problem: action.problem } : {}),
    });
    // one line per change of what the agent waits for, not one per reconcile
    if (changed) {
      this.log(proposal, {
        channel, attempt: action.attempt, step, outcome: action.problem ? 'refused' : 'waiting',
        waitingFor: action.waitingFor, ...(action.problem ? { problem: action.problem } : {}),
      });
    }
  }

  private fail(proposalId: string, outcome: 'retry-later' | 'error', message: string): void {
    const before = this.status.activity(proposalId);
    this.status.report({ ...before, proposalId, step: before?.step ?? 'DRIVE', state: 'error', problem: message });
    this.logLine({ proposalId, channel: before?.channel, attempt: before?.attempt, step: before?.step ?? 'DRIVE', outcome: outcome === 'error' ? 'failed' : 'retry-later', detail: message });
  }

  private log(proposal: ProposalView, record: { channel?: string; attempt?: number; step: string; outcome: StepOutcome; detail?: string; waitingFor?: string; problem?: string }): void {
    this.logLine({ proposalId: proposal.id, ...record });
  }

  /** One step line in the log, and one more in the step counters (GET /metrics). */
  private logLine(record: StepRecord): void {
    logStep(this.deps.logger, record);
    this.status.stepLogged(record.step, record.outcome);
  }
}
