import { createHash } from 'node:crypto';
import { joinRequestDigest, type ChaincodePackageInput, type JoinRequest, type ValidationReport } from '@opssc/core';
import type { Clock } from '../../src/deps';

/** Throws the way the chaincode does: a plain error whose message starts with a stable code. */
export function fail(code: string, detail: string): never {
  throw new Error(`${code}: ${detail}`);
}

export interface FakeMember {
  mspId: string;
  status: string;
  metadata: Record<string, unknown>;
  /** As in the chaincode's records, when a test needs them. */
  msp?: Record<string, unknown>;
  nodes?: Record<string, unknown>;
  channels?: string[];
}

export interface FakeInvitation {
  invitationId: string;
  issuerMspId: string;
  mspId: string;
  expiresAt: string;
  tokenHmac: string;
  status: 'ISSUED' | 'USED' | 'REVOKED';
  usedFor?: string;
}

export interface FakeProposal {
  id: string;
  type: string;
  status: string;
  proposer: string;
  relayedBy?: string;
  subjectMspId?: string;
  payload: unknown;
  digest?: string;
  validationReport?: ValidationReport;
  deadline: string;
  votes: { mspId: string; decision: string; reason: string }[];
  attestations: { mspId: string; digest: string; matched: boolean }[];
  channels?: string[];
  tasks?: FakeTask[];
}

/** One apply attempt of a proposal on a channel, as GetProposal lists it. */
export interface FakeTask {
  channel: string;
  attempt: number;
  status: 'PENDING' | 'COMMITTED' | 'FAILED' | 'STALE';
  result?: { blockNumber?: number; reason?: string };
}

/** A chaincode package record, as GetChaincodePackage returns it (a deployment's commit also names its sources). */
export type FakePackageRecord = ChaincodePackageInput & { recordedBy: string; proposalId?: string; packageUrl?: string };

/**
 * The consortium state the fake chaincode works on, with the rules the api-server relies on: one
 * use per invitation, invitations bound to an MSP and an issuer, one vote per org, majority tallies.
 */
export class FakeConsortium {
  readonly members = new Map<string, FakeMember>();
  readonly invitations = new Map<string, FakeInvitation>();
  readonly proposals = new Map<string, FakeProposal>();
  /** Chaincode package records, by `channel/name/sequence`. */
  readonly packages = new Map<string, FakePackageRecord>();
  /** The report the fake validation returns for a request; tests override it. */
  validate: (request: JoinRequest, at: Date) => ValidationReport = (_request, at) => ({
    ok: true,
    checks: [{ name: 'pem-parse', ok: true }],
    validatedAt: at.toISOString(),
  });

  constructor(
    readonly clock: Clock,
    activeMembers: string[],
  ) {
    for (const mspId of activeMembers) {
      this.members.set(mspId, { mspId, status: 'ACTIVE', metadata: {} });
    }
  }

  /** Runs a transaction body; when it throws, every write it made is undone, as a failed transaction writes nothing. */
  atomically<T>(body: () => T): T {
    const saved = structuredClone([this.members, this.invitations, this.proposals]);
    try {
      return body();
    } catch (err) {
      for (const [target, source] of [[this.members, saved[0]], [this.invitations, saved[1]], [this.proposals, saved[2]]] as const) {
        target.clear();
        (source as Map<string, never>).forEach((value, key) => (target as Map<string, never>).set(key, value));
      }
      throw err;
    }
  }

  activeMember(mspId: string): FakeMember {
    const member = this.members.get(mspId);
    if (!member) fail('NOT_A_MEMBER', `${mspId} is not a member`);
    if (member.status !== 'ACTIVE') fail('MEMBER_NOT_ACTIVE', `${mspId} is ${member.status}`);
    return member;
  }

  /** Finds an invitation of the issuing org, as the chaincode keys them by issuer. */
  invitation(issuer: string, invitationId: string): FakeInvitation {
    const invitation = this.invitations.get(invitationId);
    if (!invitation || invitation.issuerMspId !== issuer) fail('INVITATION_NOT_FOUND', `no invitation ${invitationId}`);
    return invitation;
  }

  /** Checks an invitation the way the chaincode does, against the transaction time. */
  useInvitation(issuer: string, invitationId: string, mspId: string, proposalId: string): void {
    const invitation = this.invitation(issuer, invitationId);
    if (invitation.status === 'REVOKED') fail('INVITATION_REVOKED', `invitation ${invitationId} was revoked`);
    if (invitation.status === 'USED') fail('INVITATION_USED', `invitation ${invitationId} was used`);
    if (invitation.mspId !== mspId) fail('INVITATION_MSP_MISMATCH', `invitation ${invitationId} is for ${invitation.mspId}`);
    if (this.clock.now().getTime() >= Date.parse(invitation.expiresAt)) fail('INVITATION_EXPIRED', `invitation ${invitationId} expired`);
    invitation.status = 'USED';
    invitation.usedFor = proposalId;
  }

  proposal(id: string): FakeProposal {
    const proposal = this.proposals.get(id);
    if (!proposal) fail('PROPOSAL_NOT_FOUND', `no proposal ${id}`);
    return proposal;
  }

  openJoinProposal(mspId: string): FakeProposal | undefined {
    return [...this.proposals.values()].find((p) => p.type === 'ADD_ORG' && p.status === 'OPEN' && p.subjectMspId === mspId);
  }

  /** Creates the ADD_ORG proposal of a relayed join request. */
  createJoinProposal(relayer: string, request: JoinRequest, txId: string): FakeProposal {
    const existing = this.members.get(request.mspId);
    if (existing && existing.status !== 'REJECTED') fail('MEMBER_EXISTS', `${request.mspId} is already ${existing.status}`);
    const report = this.validate(request, this.clock.now());
    // Like the chaincode: a request that fails validation creates nothing (and consumes no invitation).
    if (!report.ok) fail('MSP_VALIDATION_FAILED', report.checks.filter((c) => !c.ok).map((c) => c.name).join(', '));
    const proposal: FakeProposal = {
      id: `p-${txId.slice(0, 16)}`,
      type: 'ADD_ORG',
      status: 'OPEN',
      proposer: request.mspId,
      relayedBy: relayer,
      subjectMspId: request.mspId,
      payload: { request },
      channels: [...request.channels],
      tasks: [],
      digest: joinRequestDigest(request),
      validationReport: report,
      deadline: new Date(this.clock.now().getTime() + 7 * 86_400_000).toISOString(),
      votes: [],
      attestations: [],
    };
    this.proposals.set(proposal.id, proposal);
    this.members.set(request.mspId, { mspId: request.mspId, status: 'PROPOSED', metadata: { ...request.metadata } });
    return proposal;
  }

  /**
   * Records an apply attempt's outcome as the agents would; once every channel has a COMMITTED attempt, the
   * proposal is APPLIED (APPLYING before that).
   */
  recordTask(proposalId: string, channel: string, status: FakeTask['status'], blockNumber?: number): void {
    const proposal = this.proposal(proposalId);
    const tasks = (proposal.tasks ??= []);
    const attempt = tasks.filter((t) => t.channel === channel).length + 1;
    tasks.push({ channel, attempt, status, ...(blockNumber !== undefined ? { result: { blockNumber } } : {}) });
    const committed = new Set(tasks.filter((t) => t.status === 'COMMITTED').map((t) => t.channel));
    proposal.status = (proposal.channels ?? []).every((c) => committed.has(c)) ? 'APPLIED' : 'APPLYING';
  }

  /** Stores a package record as RecordChaincodePackage would. */
  recordPackage(record: FakePackageRecord): void {
    this.packages.set(`${record.channel}/${record.name}/${record.sequence}`, record);
  }

  /** Stores a DEPLOY_CHAINCODE proposal of `proposer`, already decided as `status` (as the votes and agents would leave it). */
  addDeployment(id: string, proposer: string, payload: Record<string, unknown>, status = 'APPLIED'): FakeProposal {
    const deadline = new Date(this.clock.now().getTime() + 86_400_000).toISOString();
    const proposal: FakeProposal = { id, type: 'DEPLOY_CHAINCODE', status, proposer, payload, channels: [String(payload.channel)], deadline, votes: [], attestations: [] };
    this.proposals.set(id, proposal);
    return proposal;
  }

  /** Majority of active members decides; the subject of an ADD_ORG follows the decision. */
  /** The decision a tally would write now under a MAJORITY of the ACTIVE members, if any. */
  wouldDecide(proposal: FakeProposal): 'APPROVED' | 'REJECTED' | undefined {
    const active = [...this.members.values()].filter((m) => m.status === 'ACTIVE').map((m) => m.mspId);
    const count = (decision: string) => proposal.votes.filter((v) => v.decision === decision && active.includes(v.mspId)).length;
    const needed = Math.floor(active.length / 2) + 1;
    return count('approve') >= needed ? 'APPROVED' : count('reject') >= needed ? 'REJECTED' : undefined;
  }

  tally(proposal: FakeProposal): boolean {
    if (proposal.status !== 'OPEN') fail('PROPOSAL_NOT_OPEN', `${proposal.id} is ${proposal.status}`);
    const decided = this.wouldDecide(proposal);
    if (!decided) return false;
    proposal.status = decided;
    if (proposal.type === 'ADD_ORG' && proposal.subjectMspId) {
      this.members.get(proposal.subjectMspId)!.status = decided;
    }
    return true;
  }
}

/** A deterministic 64-hex transaction id. */
export function fakeTxId(n: number): string {
  return createHash('sha256').update(`tx-${n}`).digest('hex');
}
