import { joinRequestDigest, type JoinRequest } from '@opssc/core';
import type { EvaluateTxName, SubmitTxName } from '../../src/ledger/ledger-port';
import { fail, type FakeConsortium, type FakeInvitation } from './fake-consortium';

/** The result of a fake transaction and the one event it emits. */
export interface TxOutcome {
  result: unknown;
  event?: { name: string; proposalId?: string; mspId?: string; status?: string };
}

const publicView = ({ tokenHmac: _hmac, ...rest }: FakeInvitation) => rest;

/** The consortium_ops writes, as far as the api-server uses them. `org` is the submitting identity's MSP. */
export function runSubmit(state: FakeConsortium, org: string, name: SubmitTxName, args: string[], txId: string): TxOutcome {
  switch (name) {
    case 'UpdateMemberMetadata': {
      const member = state.activeMember(org);
      member.metadata = { ...member.metadata, ...JSON.parse(args[0]) };
      return { result: member, event: { name: 'MemberMetadataUpdated', mspId: org } };
    }
    case 'IssueInvitation': {
      state.activeMember(org);
      const input = JSON.parse(args[0]) as FakeInvitation;
      if (state.invitations.has(input.invitationId)) fail('INVALID_ARGUMENT', `invitation ${input.invitationId} exists`);
      const invitation: FakeInvitation = { ...input, issuerMspId: org, status: 'ISSUED' };
      state.invitations.set(invitation.invitationId, invitation);
      return { result: publicView(invitation), event: { name: 'InvitationIssued', mspId: input.mspId } };
    }
    case 'RevokeInvitation': {
      const invitation = state.invitation(org, args[0]);
      if (invitation.status !== 'ISSUED') fail(`INVITATION_${invitation.status}`, `invitation ${args[0]} is ${invitation.status}`);
      invitation.status = 'REVOKED';
      return { result: publicView(invitation), event: { name: 'InvitationRevoked', mspId: invitation.mspId } };
    }
    case 'SubmitJoinRequest': {
      const request = JSON.parse(args[1]) as JoinRequest;
      const proposalId = `p-${txId.slice(0, 16)}`;
      state.useInvitation(org, args[0], request.mspId, proposalId);
      const proposal = state.createJoinProposal(org, request, txId);
      const result = { proposalId: proposal.id, digest: proposal.digest, report: proposal.validationReport };
      return { result, event: { name: 'ProposalCreated', proposalId: proposal.id, mspId: request.mspId } };
    }
    case 'AttestJoinRequest': {
      const request = JSON.parse(args[1]) as JoinRequest;
      const proposal = state.openJoinProposal(request.mspId) ?? fail('PROPOSAL_NOT_FOUND', `no open proposal for ${request.mspId}`);
      if (proposal.attestations.some((a) => a.mspId === org) || proposal.relayedBy === org) fail('ALREADY_ATTESTED', `${org} already attested`);
      state.useInvitation(org, args[0], request.mspId, proposal.id);
      const presented = joinRequestDigest(request);
      const matched = presented === proposal.digest;
      proposal.attestations.push({ mspId: org, digest: presented, matched });
      const event = { name: matched ? 'AttestationRecorded' : 'AttestationMismatch', proposalId: proposal.id, mspId: request.mspId };
      return { result: { proposalId: proposal.id, digest: presented, attested: matched }, event };
    }
    case 'CreateProposal': {
      state.activeMember(org);
      if (args.length !== 3) fail('INVALID_ARGUMENT', 'CreateProposal takes 3 arguments');
      if (args[0] === 'ADD_ORG') fail('INVALID_ARGUMENT', 'ADD_ORG is created only by SubmitJoinRequest');
      const payload = JSON.parse(args[1]) as { mspId?: string };
      if (payload.mspId && !state.members.has(payload.mspId)) fail('MEMBER_NOT_FOUND', `no member ${payload.mspId}`);
      const id = `p-${txId.slice(0, 16)}`;
      const deadline = new Date(state.clock.now().getTime() + Number(args[2] || 604_800) * 1000).toISOString();
      const proposal = { id, type: args[0], status: 'OPEN', proposer: org, subjectMspId: payload.mspId, payload, deadline, votes: [], attestations: [] };
      state.proposals.set(id, proposal);
      return { result: proposal, event: { name: 'ProposalCreated', proposalId: id } };
    }
    case 'CastVote': {
      const proposal = state.proposal(args[0]);
      state.activeMember(org);
      if (proposal.status !== 'OPEN') fail('PROPOSAL_NOT_OPEN', `${proposal.id} is ${proposal.status}`);
      if (proposal.votes.some((v) => v.mspId === org)) fail('VOTE_ALREADY_CAST', `${org} already voted on ${proposal.id}`);
      const vote = { proposalId: proposal.id, mspId: org, decision: args[1], reason: args[2] };
      proposal.votes.push(vote);
      return { result: vote, event: { name: 'VoteCast', proposalId: proposal.id, mspId: org } };
    }
    case 'TallyProposal': {
      const proposal = state.proposal(args[0]);
      const decided = state.tally(proposal);
      return { result: proposal, event: decided ? { name: 'ProposalDecided', proposalId: proposal.id, status: proposal.status } : undefined };
    }
    case 'WithdrawProposal': {
      const proposal = state.proposal(args[0]);
      if (proposal.proposer !== org) fail('NOT_PROPOSER', `${org} did not propose ${proposal.id}`);
      if (proposal.status !== 'OPEN') fail('PROPOSAL_NOT_OPEN', `${proposal.id} is ${proposal.status}`);
      proposal.status = 'WITHDRAWN';
      return { result: proposal, event: { name: 'ProposalWithdrawn', proposalId: proposal.id } };
    }
  }
}

/** The consortium_ops queries the api-server uses. */
export function runEvaluate(state: FakeConsortium, org: string, name: EvaluateTxName, args: string[]): unknown {
  switch (name) {
    case 'GetMember':
      return state.members.get(args[0]) ?? fail('MEMBER_NOT_FOUND', `no member ${args[0]}`);
    case 'ListMembers':
      return [...state.members.values()].filter((m) => !args[0] || m.status === args[0]);
    case 'GetMembershipSnapshot':
      return { version: '1', members: [...state.members.values()].map(({ mspId, status }) => ({ mspId, status })) };
    case 'GetVotingPolicy':
      return { rule: 'MAJORITY', vetoMspIds: [] };
    case 'GetProposal': {
      // while OPEN, the chaincode adds what a tally would conclude now
      const proposal = state.proposal(args[0]);
      return proposal.status === 'OPEN' ? { ...proposal, evaluation: { kind: state.wouldDecide(proposal) ? 'DECIDED' : 'UNDECIDED' } } : proposal;
    }
    case 'ListProposals': {
      const filter = JSON.parse(args[0]) as { status?: string; type?: string; limit?: number; cursor?: string };
      const all = [...state.proposals.values()].filter((p) => (!filter.status || p.status === filter.status) && (!filter.type || p.type === filter.type));
      const start = Number(filter.cursor ?? 0);
      const end = start + (filter.limit ?? 100);
      return { items: all.slice(start, end), nextCursor: end < all.length ? String(end) : null };
    }
    case 'GetInvitation':
      return state.invitation(org, args[0]);
    case 'ListInvitations':
      return [...state.invitations.values()].filter((i) => i.issuerMspId === org).map(publicView);
    case 'GetChaincodePackage':
      return state.packages.get(`${args[0]}/${args[1]}/${args[2]}`) ?? fail('CHAINCODE_PACKAGE_NOT_FOUND', `no package for ${args[1]} sequence ${args[2]} on ${args[0]}`);
    case 'ListChaincodePackages':
      return [...state.packages.values()].filter((p) => !args[0] || p.channel === args[0]);
  }
}
