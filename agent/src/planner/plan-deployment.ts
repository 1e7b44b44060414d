import { deploymentOrgs, type DeploymentStep } from '@opssc/core';
import { designatedAgent } from './designated-agent';
import type { MemberSummary, ProposalView } from './proposal-view';

/** What this org's agent should do next for an APPLYING DEPLOY_CHAINCODE. */
export type DeploymentAction =
  /** Download, verify, install, approve, then record this org's step. */
  | { kind: 'INSTALL_APPROVE' }
  /** This org is the designated committer and its own approval is recorded: commit once enough orgs approved, then record it. */
  | { kind: 'COMMIT'; orgs: string[] }
  | { kind: 'WAIT'; waitingFor: string }
  | { kind: 'DONE' }
  /** This org is not one of the channel's orgs: the deployment is not its to carry out. */
  | { kind: 'NOT_ON_CHANNEL'; channel: string };

/** The steps of a deployment as GetProposal returns them. */
export type DeploymentView = ProposalView & { deploymentSteps?: DeploymentStep[] };

/**
 * The next deployment step for `me`, from the chain only. Only the channel's orgs take part (an org
 * not on the channel could neither approve nor be waited for). Every one installs and approves for itself;
 * the commit is done by one of them chosen by the same designation rule as config updates (keyed on the
 * proposal and channel, attempt 1, due since the decision), which hands over to the next org when the
 * designated one stays silent for failoverMs. The chaincode accepts one commit record, so two agents
 * that disagree cannot both record it, and Fabric's commit is idempotent for the same definition.
 */
export function planDeployment(proposal: DeploymentView, me: string, members: readonly MemberSummary[], now: Date, failoverMs: number): DeploymentAction {
  const channel = proposal.channels[0];
  // the orgs the chaincode waits for (the channel's, by the member records), as the chaincode decides APPLIED
  const channelOrgs = deploymentOrgs(members, channel);
  if (!channelOrgs.includes(me)) return { kind: 'NOT_ON_CHANNEL', channel };
  const steps = proposal.deploymentSteps ?? [];
  const own = steps.find((s) => s.kind === 'ORG' && s.mspId === me);
  if (!own) return { kind: 'INSTALL_APPROVE' };
  if (own.status !== 'INSTALLED_APPROVED') return { kind: 'DONE' };
  if (steps.some((s) => s.kind === 'COMMIT')) return { kind: 'DONE' };
  const dueSince = proposal.decidedAt ? new Date(proposal.decidedAt) : undefined;
  const designated = designatedAgent({ proposalId: proposal.id, channel, attempt: 1, members, ...(dueSince ? { dueSince } : {}), now, failoverMs });
  if (designated !== me) return { kind: 'WAIT', waitingFor: `the commit by ${designated ?? 'an active member'}` };
  const orgs = steps.filter((s) => s.kind === 'ORG' && s.status === 'INSTALLED_APPROVED').map((s) => s.mspId);
  return { kind: 'COMMIT', orgs };
}
