import type { DeploymentStep } from '@opssc/core';
import { designatedAgent } from './designated-agent';
import type { MemberSummary, ProposalView } from './proposal-view';

/** What this org's agent should do next for an APPLYING DEPLOY_CHAINCODE. */
export type DeploymentAction =
  /** Download, verify, install, approve, then record this org's step. */
  | { kind: 'INSTALL_APPROVE' }
  /** This org is the designated committer and its own approval is recorded: commit once enough orgs approved, then record it. */
  | { kind: 'COMMIT'; orgs: string[] }
  | { kind: 'WAIT'; waitingFor: string }
  | { kind: 'DONE' };

/** The steps of a deployment as GetProposal returns them. */
export type DeploymentView = ProposalView & { deploymentSteps?: DeploymentStep[] };

/**
 * The next deployment step for `me`, from the chain only. Every org installs and approves for itself;
 * the commit is done by one org chosen by the same designation rule as config updates (keyed on the
 * proposal and channel, attempt 1, due since the decision), which hands over to the next org when the
 * designated one stays silent for failoverMs. The chaincode accepts one commit record, so two agents
 * that disagree cannot both record it, and Fabric's commit is idempotent for the same definition.
 */
export function planDeployment(proposal: DeploymentView, me: string, members: readonly MemberSummary[], now: Date, failoverMs: number): DeploymentAction {
  const steps = proposal.deploymentSteps ?? [];
  const own = steps.find((s) => s.kind === 'ORG' && s.mspId === me);
  if (!own) return { kind: 'INSTALL_APPROVE' };
  if (own.status !== 'INSTALLED_APPROVED') return { kind: 'DONE' };
  if (steps.some((s) => s.kind === 'COMMIT')) return { kind: 'DONE' };
  const channel = proposal.channels[0];
  const dueSince = proposal.decidedAt ? new Date(proposal.decidedAt) : undefined;
  const designated = designatedAgent({ proposalId: proposal.id, channel, attempt: 1, members, ...(dueSince ? { dueSince } : {}), now, failoverMs });
  if (designated !== me) return { kind: 'WAIT', waitingFor: `the commit by ${designated ?? 'an active member'}` };
  const orgs = steps.filter((s) => s.kind === 'ORG' && s.status === 'INSTALLED_APPROVED').map((s) => s.mspId);
  return { kind: 'COMMIT', orgs };
}
