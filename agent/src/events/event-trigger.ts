import { EventNames, type ConsortiumEvent } from '@opssc/core';
import type { ChaincodeEvent } from '@hyperledger/fabric-gateway';

/**
 * Events after which a proposal may need this agent: a vote (whose tally may now decide), a decision, a
 * recorded update, signature or result (which may complete the signatures, or start a new attempt), and
 * every ending. An ending needs no action, but the agent re-reads the proposal so that its status stops
 * saying it waits (the last result of a proposal is announced as ProposalApplied or ProposalFailed, not
 * TaskResultRecorded, and reconciles do not list finished proposals).
 * Handlers never trust the payload beyond the proposal id: they re-read the proposal from the chain.
 */
const TRIGGERS: ReadonlySet<string> = new Set([
  EventNames.VoteCast,
  EventNames.ProposalDecided,
  EventNames.ConfigUpdateRecorded,
  EventNames.ConfigSignatureRecorded,
  EventNames.TaskResultRecorded,
  EventNames.DeploymentStepRecorded,
  EventNames.ProposalApplied,
  EventNames.ProposalFailed,
  EventNames.ProposalExpired,
  EventNames.ProposalDropped,
  EventNames.ProposalWithdrawn,
]);

/** The event's payload, if it decodes. */
export function eventPayload(event: ChaincodeEvent): Partial<ConsortiumEvent> | undefined {
  try {
    return JSON.parse(Buffer.from(event.payload).toString('utf8')) as Partial<ConsortiumEvent>;
  } catch {
    return undefined;
  }
}

/** The proposal this event asks the agent to look at again, if any. */
export function proposalToDrive(event: ChaincodeEvent): string | undefined {
  if (!TRIGGERS.has(event.eventName)) return undefined;
  const id = eventPayload(event)?.proposalId;
  return typeof id === 'string' ? id : undefined;
}
