import type { Proposal } from './proposal';

/** A proposal without its payload and report, as ListProposals returns it (an ADD_ORG payload carries whole MSPs). */
export type ProposalSummary = Omit<Proposal, 'payload' | 'validationReport' | 'decision'> & {
  /** Whether the MSP validation passed (ADD_ORG and UPDATE_ORG_MSP). */
  validationOk?: boolean;
};

/** The summary of `proposal`. */
export function summarizeProposal(proposal: Proposal): ProposalSummary {
  const { payload: _payload, validationReport, decision: _decision, ...rest } = proposal;
  return validationReport ? { ...rest, validationOk: validationReport.ok } : rest;
}
