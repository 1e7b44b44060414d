import type { ChannelJoinStep, ConfigSignatureRecord, Evaluation, MemberStatus, Proposal, TaskView, Vote } from '@opssc/core';

/**
 * A proposal as consortium_ops' GetProposal returns it: the record plus its votes, apply tasks (each with
 * its result), config signatures and, while OPEN, what a tally would conclude now. The planner reads only
 * this: the chain is the source of truth, never the agent's memory.
 */
export type ProposalView = Proposal & {
  votes: Vote[];
  tasks: TaskView[];
  signatures: ConfigSignatureRecord[];
  evaluation?: Evaluation | { kind: 'ERROR'; reason: string };
  /** CREATE_CHANNEL only: each member org's recorded join. */
  channelJoinSteps?: ChannelJoinStep[];
};

/** A member as the designation rule needs it. */
export interface MemberSummary {
  mspId: string;
  status: MemberStatus;
  /** Channels the member is in (or will be), ops channel first. */
  channels: string[];
}
