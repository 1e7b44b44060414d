import { canonicalJson, OpsError, type JoinRequest, type ValidationReport } from '@opssc/core';
import type { ChannelBootstrap, ChannelEndpoints, ConfigBlockPort } from '../../ledger/config-block-port';
import type { LedgerPort } from '../../ledger/ledger-port';
import { memberStatus, readProposal, type InvitationView, type ProposalView, type TaskSummary } from '../../ledger/records';
import type { Logger } from '../../observability/logger';
import type { AutoApprover } from './auto-approver';
import { checkProofOfPossession } from './proof-check';

/** What a joining org learns after sending its request to one member. */
export interface JoinOutcome {
  proposalId: string;
  digest: string;
  /** Absent from the JSON when the chaincode stored no report. */
  report?: ValidationReport;
  /** True when this org holds the same request as the proposal (it relayed it or its digest matched). */
  attested: boolean;
  /** True when this request created the proposal; false when it attested an existing one. */
  created: boolean;
  autoApproved: boolean;
}

/** The status of a join request as its token holder sees it. */
export interface JoinStatus {
  proposalId: string;
  mspId: string;
  status: string;
  memberStatus?: string;
  report?: ValidationReport;
  /** The channels the proposal adds the org to, ops channel first. */
  channels: string[];
  /** Per channel, the newest apply attempt: a channel's config includes the org once its task is COMMITTED. */
  tasks: TaskSummary[];
}

/** The bootstrap material: the ops channel's config block and endpoints, and the endpoints of each channel of the proposal. */
export interface JoinBootstrap extends ChannelBootstrap {
  /** Every channel of the proposal this server's peer has joined, ops channel first. */
  channels: ChannelEndpoints[];
}

/** The joining org's side of the consortium: self-proposal, attestation, status and bootstrap. */
export class JoinRequestsService {
  constructor(
    private readonly ledger: LedgerPort,
    private readonly configBlocks: ConfigBlockPort,
    private readonly autoApprover: AutoApprover,
  ) {}

  /**
   * Relays a join request: creates the ADD_ORG proposal when none is open for the MSP, otherwise
   * records this org's attestation. A digest mismatch is committed (so it is on the record) and then
   * reported as DIGEST_MISMATCH.
   */
  async submit(invitation: InvitationView, request: JoinRequest, log: Logger): Promise<JoinOutcome> {
    if (request.msp.mspId !== request.mspId) {
      throw new OpsError('INVALID_ARGUMENT', 'msp.mspId must equal mspId');
    }
    if (!(await this.hasOpenJoinRequest(request.mspId))) {
      checkProofOfPossession(request);
      try {
        return await this.create(invitation, request, log);
      } catch (err) {
        // Another member may have relayed the same org's request in the meantime (the chaincode then
        // refuses with PROPOSAL_EXISTS or MEMBER_EXISTS): attest to that proposal instead.
        const raced = err instanceof OpsError && (err.code === 'PROPOSAL_EXISTS' || err.code === 'MEMBER_EXISTS');
        if (!raced || !(await this.hasOpenJoinRequest(request.mspId))) {
          throw err;
        }
      }
    }
    return this.attest(invitation, request, log);
  }

  /**
   * The token holder's own join requests: the one its invitation was used for (created or attested), or
   * none while the token is unused. A joining org's agent holds only the token, and finds its proposal here.
   */
  async list(invitation: InvitationView): Promise<JoinStatus[]> {
    return invitation.usedFor ? [await this.status(invitation, invitation.usedFor)] : [];
  }

  /** The request's status; a token sees only proposals about its own MSP (others are NOT_FOUND). */
  async status(invitation: InvitationView, proposalId: string): Promise<JoinStatus> {
    const proposal = await this.ownProposal(invitation, proposalId);
    return {
      proposalId: proposal.id,
      mspId: invitation.mspId,
      status: proposal.status,
      memberStatus: await this.memberStatus(invitation.mspId),
      report: proposal.report,
      channels: proposal.channels,
      tasks: proposal.tasks,
    };
  }

  /**
   * What the joiner's agent needs to start, once the joiner is APPROVED (or already ACTIVE, for a restart):
   * the ops channel's latest config block, and for each channel of the proposal the orderers, anchor peers
   * and TLS roots of its config. A channel this server's peer has not joined is left out (the agent then
   * tries the ops channel's orderers); an unreachable peer fails the request.
   */
  async bootstrap(invitation: InvitationView, proposalId: string, log: Logger): Promise<JoinBootstrap> {
    const proposal = await this.ownProposal(invitation, proposalId);
    const status = await this.memberStatus(invitation.mspId);
    if (status !== 'APPROVED' && status !== 'ACTIVE') {
      throw new OpsError('INVALID_STATUS_TRANSITION', `bootstrap is available once ${invitation.mspId} is APPROVED; it is ${status ?? 'unknown'}`);
    }
    const ops = await this.configBlocks.latestConfigBlock();
    const channels: ChannelEndpoints[] = [endpointsOf(ops)];
    for (const channel of proposal.channels.filter((c) => c !== ops.channel)) {
      try {
        channels.push(endpointsOf(await this.configBlocks.latestConfigBlock(channel)));
      } catch (err) {
        if (peerUnreachable(err)) {
          throw new OpsError('UPSTREAM_UNAVAILABLE', 'the peer is unavailable or did not answer in time');
        }
        log.warn('channel left out of the bootstrap material', { channel, proposalId, reason: (err as Error)?.message });
      }
    }
    return { ...ops, channels };
  }

  private async create(invitation: InvitationView, request: JoinRequest, log: Logger): Promise<JoinOutcome> {
    const { result, transactionId } = await this.ledger.submit('SubmitJoinRequest', [invitation.invitationId, canonicalJson(request)]);
    const created = result as { proposalId: string; digest: string; report?: ValidationReport };
    log.info('join request relayed', { proposalId: created.proposalId, mspId: request.mspId, transactionId, reportOk: created.report?.ok });
    const autoApproved = await this.autoApprover.maybeApprove(created.proposalId, created.report, log);
    return { proposalId: created.proposalId, digest: created.digest, report: created.report, attested: true, created: true, autoApproved };
  }

  private async attest(invitation: InvitationView, request: JoinRequest, log: Logger): Promise<JoinOutcome> {
    const { result, transactionId } = await this.ledger.submit('AttestJoinRequest', [invitation.invitationId, canonicalJson(request)]);
    const attestation = result as { proposalId: string; digest: string; attested: boolean };
    if (!attestation.attested) {
      log.warn('join request digest mismatch recorded', { proposalId: attestation.proposalId, mspId: request.mspId, transactionId });
      throw new OpsError('DIGEST_MISMATCH', `the request differs from the one proposed in ${attestation.proposalId}; the mismatch was recorded`);
    }
    log.info('join request attested', { proposalId: attestation.proposalId, mspId: request.mspId, transactionId });
    const { report } = readProposal(await this.ledger.evaluate('GetProposal', [attestation.proposalId]));
    const autoApproved = await this.autoApprover.maybeApprove(attestation.proposalId, report, log);
    return { proposalId: attestation.proposalId, digest: attestation.digest, report, attested: true, created: false, autoApproved };
  }

  /**
   * Whether a join request of `mspId` is open: the chaincode keeps the applicant as a PROPOSED member
   * (pointing at its ADD_ORG proposal) exactly while that proposal is open, so one read answers it.
   */
  private async hasOpenJoinRequest(mspId: string): Promise<boolean> {
    return (await this.memberStatus(mspId)) === 'PROPOSED';
  }

  private async ownProposal(invitation: InvitationView, proposalId: string): Promise<ProposalView> {
    // An unknown id and someone else's proposal answer alike, so a token cannot probe for proposal ids.
    const notFound = new OpsError('NOT_FOUND', `no join request ${proposalId} for ${invitation.mspId}`);
    const record = await this.ledger.evaluate('GetProposal', [proposalId]).catch((err: unknown) => {
      throw err instanceof OpsError && err.code === 'PROPOSAL_NOT_FOUND' ? notFound : err;
    });
    const proposal = readProposal(record);
    if (proposal.type !== 'ADD_ORG' || proposal.subjectMspId !== invitation.mspId) {
      throw notFound;
    }
    return proposal;
  }

  private async memberStatus(mspId: string): Promise<string | undefined> {
    try {
      return memberStatus(await this.ledger.evaluate('GetMember', [mspId]));
    } catch (err) {
      if (err instanceof OpsError && err.code === 'MEMBER_NOT_FOUND') {
        return undefined;
      }
      throw err;
    }
  }
}

/** A channel's endpoints without its config block (only the ops channel's block is sent, once). */
function endpointsOf(bootstrap: ChannelBootstrap): ChannelEndpoints {
  const { configBlock: _block, ...endpoints } = bootstrap;
  return endpoints;
}

/**
 * Only a peer that cannot be reached fails the bootstrap request; any other refusal (the peer has not
 * joined that channel) leaves the channel out. gRPC UNAVAILABLE (14) and DEADLINE_EXCEEDED (4).
 */
function peerUnreachable(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 14 || code === 4;
}
