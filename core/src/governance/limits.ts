/**
 * Bounds on untrusted input and on time windows. Every endorsing peer parses every argument, so
 * oversized or absurd input is refused before any work, with a stable code.
 */
export const GOVERNANCE_LIMITS = {
  /** Bytes (UTF-8) of one transaction argument. */
  argumentBytes: 256 * 1024,
  /**
   * Bytes of an argument that carries MSP definitions (a join request, the founding members, a proposal
   * payload). The MSP validator accepts up to 16 CRLs, so these may be larger than a plain argument.
   */
  mspArgumentBytes: 1024 * 1024,
  /** Nesting depth of a JSON argument; deeper input is refused before JSON.parse sees it. */
  jsonDepth: 32,
  /** Characters of a vote reason, a description or a failure reason. */
  textChars: 2048,
  /** Items of one ListProposals page. */
  pageSize: 100,
  /** Index entries one ListProposals call may scan while filtering, so a sparse filter stays cheap. */
  scanBudget: 1000,
  /** Proposal deadline: default, shortest and longest, in seconds. */
  defaultDeadlineSeconds: 7 * 24 * 3600,
  minDeadlineSeconds: 60,
  maxDeadlineSeconds: 90 * 24 * 3600,
  /** Longest invitation lifetime, in seconds. */
  maxInvitationSeconds: 30 * 24 * 3600,
  /** Default minimum remaining certificate lifetime a joining MSP must have. */
  defaultMinCertLifetimeSeconds: 7 * 24 * 3600,
  /** Members of one consortium, and veto holders of one policy. */
  members: 1000,
  vetoHolders: 64,
} as const;
