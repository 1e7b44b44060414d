import { configUpdateDifference, decodeConfigUpdate, serializeConfigUpdate } from '@opssc/channel-config';
import type { common } from '@hyperledger/fabric-protos';
import type { TaskView, UpdateChannelPayload } from '@opssc/core';
import type { CommittedDefinition, FetchedConfig } from '../ports';
import type { ChannelAction } from './actions';
import { approvedChange, removedOrg, type ApprovedChange } from './approved-change';
import { channelOrgs } from './channel-orgs';
import { designatedAgent } from './designated-agent';
import { unsatisfiedModPolicies } from './mod-policies';
import type { MemberSummary, ProposalView } from './proposal-view';
import { readSetMismatch } from './read-set';
import { removalProblems } from './removal-safety';
import { checkSignatures } from './signature-check';
import { witnessUpdate } from './witness-update';

/** Everything the planner needs for one channel of one proposal; all of it read just before planning. */
export interface ChannelPlanInput {
  proposal: ProposalView;
  channel: string;
  /** This agent's org. */
  me: string;
  members: readonly MemberSummary[];
  /** The channel's current config; undefined when this org cannot read it. */
  current?: FetchedConfig;
  /** Committed chaincode definitions of the channel (needed for removals only). */
  committed?: readonly CommittedDefinition[];
  now: Date;
  failoverMs: number;
}

const wait = (waitingFor: string, attempt?: number, problem?: string): ChannelAction => ({
  kind: 'WAIT',
  waitingFor,
  ...(attempt !== undefined ? { attempt } : {}),
  ...(problem !== undefined ? { problem } : {}),
});

function tasksOf(input: ChannelPlanInput): TaskView[] {
  return input.proposal.tasks.filter((t) => t.channel === input.channel).sort((a, b) => a.attempt - b.attempt);
}

/** When an attempt became due: the previous attempt's result, the previous channel's commit, or the decision. */
function dueSince(input: ChannelPlanInput, attempt: number): Date | undefined {
  const { proposal, channel } = input;
  const previous =
    attempt > 1
      ? proposal.tasks.find((t) => t.channel === channel && t.attempt === attempt - 1)
      : proposal.tasks.find((t) => t.channel === proposal.channels[proposal.channels.indexOf(channel) - 1] && t.status === 'COMMITTED');
  const at = previous?.result?.recordedAt ?? proposal.decidedAt;
  return at ? new Date(at) : undefined;
}

function removalCheck(input: ChannelPlanInput, config: common.Config, change: ApprovedChange): string[] {
  const subject = removedOrg(input.proposal);
  if (!subject || change.kind !== 'UPDATE') return [];
  return removalProblems({ subject, current: config, updated: change.updated, committed: input.committed ?? [] });
}

/**
 * The org that may not record an attempt: the subject of a removal (it may be gone, or unwilling), and
 * the org an UPDATE_CHANNEL adds or removes (an org being added cannot read the channel yet).
 */
function excludedRecorder(proposal: ProposalView): string | undefined {
  if (proposal.type === 'UPDATE_CHANNEL') {
    const { change } = proposal.payload as UpdateChannelPayload;
    if (change.kind === 'ADD_ORG') return change.mspId;
  }
  return removedOrg(proposal);
}

/** A new attempt: only the designated agent records an update (or a witness, when there is nothing to send). */
function planNewAttempt(input: ChannelPlanInput, current: FetchedConfig, attempt: number, change: ApprovedChange): ChannelAction {
  const exclude = excludedRecorder(input.proposal);
  const designated = designatedAgent({
    proposalId: input.proposal.id, channel: input.channel, attempt, members: input.members,
    ...(exclude ? { exclude } : {}), dueSince: dueSince(input, attempt), now: input.now, failoverMs: input.failoverMs,
  });
  if (!designated) return wait('an active member that can record the update', attempt, 'no active member is eligible to record it');
  if (designated !== input.me) return wait(`${designated} (designated) to record the config update of attempt ${attempt}`, attempt);
  if (change.kind === 'UPDATE') {
    return { kind: 'RECORD_UPDATE', attempt, update: serializeConfigUpdate(change.update), reason: 'computed from the current config and the approved payload' };
  }
  const why = change.kind === 'APPLIED' ? 'the channel already has the change' : `the change cannot be made: ${change.kind === 'INVALID' ? change.reason : ''}`;
  return { kind: 'RECORD_UPDATE', attempt, update: serializeConfigUpdate(witnessUpdate(input.channel, current.config)), reason: `${why}; recording a witness so that the result can be recorded` };
}

/** The attempt in flight: record its outcome, or check and sign it, or submit it, or wait. */
function planPending(input: ChannelPlanInput, current: FetchedConfig, task: TaskView, change: ApprovedChange): ChannelAction {
  const { attempt, recordedBy } = task;
  const mine = recordedBy === input.me;
  const settle = (result: ChannelAction & { kind: 'RECORD_RESULT' }, waitingFor: string, problem?: string) => (mine ? result : wait(waitingFor, attempt, problem));
  if (change.kind === 'APPLIED') {
    return settle({ kind: 'RECORD_RESULT', attempt, result: { status: 'COMMITTED', blockNumber: current.blockNumber } }, `${recordedBy} to record attempt ${attempt} as COMMITTED`);
  }
  if (change.kind === 'UNSUPPORTED') return wait('an agent that supports this proposal type', attempt, change.reason);
  const problems = change.kind === 'INVALID' ? [change.reason] : removalCheck(input, current.config, change);
  if (problems.length > 0 || change.kind !== 'UPDATE') {
    const reason = problems.join('; ');
    return settle({ kind: 'RECORD_RESULT', attempt, result: { status: 'FAILED', reason } }, `${recordedBy} to record attempt ${attempt} as FAILED`, `unsafe or impossible change: ${reason}`);
  }
  const bytes = Buffer.from(task.configUpdate, 'base64');
  const recorded = decodeConfigUpdate(bytes);
  const stale = readSetMismatch(current.config, recorded);
  if (stale) {
    return settle({ kind: 'RECORD_RESULT', attempt, result: { status: 'STALE', reason: `the channel config moved: ${stale}` } }, `${recordedBy} to record attempt ${attempt} as STALE (${stale})`);
  }
  const difference = configUpdateDifference(change.update, recorded);
  if (difference) {
    return wait('a config update that matches the approved change', attempt, `refusing to sign attempt ${attempt} recorded by ${recordedBy}: it differs from the approved change at ${difference}`);
  }
  const records = input.proposal.signatures.filter((s) => s.channel === input.channel && s.attempt === attempt);
  const orgs = channelOrgs(current.config);
  if (orgs.includes(input.me) && !records.some((s) => s.mspId === input.me)) return { kind: 'SIGN', attempt, update: bytes };
  const { signers, rejected } = checkSignatures(current.config, bytes, records);
  const problem = rejected.length > 0 ? `invalid signatures ignored: ${rejected.map((r) => `${r.mspId} (${r.reason})`).join(', ')}` : undefined;
  const unsatisfied = unsatisfiedModPolicies(current.config, recorded, signers);
  if (unsatisfied.length === 0) {
    return mine ? { kind: 'SUBMIT', attempt, update: bytes, signers } : wait(`${recordedBy} to submit attempt ${attempt} to the orderer`, attempt, problem);
  }
  const missing = orgs.filter((o) => !signers.includes(o));
  return wait(`signatures from ${missing.join(', ')}`, attempt, problem);
}

/**
 * The planner for one channel of an approved proposal: a pure function of what is on the chain and what
 * the channel config is now. In order: a COMMITTED channel is done; a change already in the config is
 * recorded as COMMITTED (this is what makes a crash after the broadcast safe); an unsafe or impossible
 * change is recorded as FAILED; an update whose read set went stale is recorded as STALE (the next attempt
 * recomputes it; the votes stand); an update that differs from this agent's own recomputation is never
 * signed; otherwise the agent signs, and the recording org submits once the signatures satisfy the
 * mod_policy. Only the org that recorded an attempt records its result (consortium_ops' rule).
 */
export function planChannel(input: ChannelPlanInput): ChannelAction {
  const tasks = tasksOf(input);
  if (tasks.some((t) => t.status === 'COMMITTED')) return { kind: 'DONE' };
  const last = tasks[tasks.length - 1];
  if (last?.status === 'FAILED') return wait('a new proposal', last.attempt, `attempt ${last.attempt} failed: ${last.result?.reason ?? 'no reason recorded'}`);
  if (!input.current) return wait(`read access to ${input.channel}'s config (is ${input.me} on the channel?)`, last?.attempt);
  if (removedOrg(input.proposal) && !input.committed) return wait(`the committed chaincode definitions of ${input.channel}`, last?.attempt);
  const change = approvedChange(input.proposal, input.channel, input.current.config);
  if (last?.status === 'PENDING') return planPending(input, input.current, last, change);
  return planNewAttempt(input, input.current, last ? last.attempt + 1 : 1, change);
}
