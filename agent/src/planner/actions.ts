import type { TaskResultInput } from '@opssc/core';

/** What the agent should do next for one channel of one proposal. Executors perform these; nothing else writes. */
export type ChannelAction =
  /** The channel has a COMMITTED result. */
  | { kind: 'DONE' }
  /** This org is the designated agent: record the update it computed (or a witness, see witness-update.ts). */
  | { kind: 'RECORD_UPDATE'; attempt: number; update: Uint8Array; reason: string }
  /** Sign the RECORDED bytes (already compared with an independent recomputation) and record the signature. */
  | { kind: 'SIGN'; attempt: number; update: Uint8Array }
  /** This org recorded the task and the signatures satisfy the mod_policy: build the envelope and broadcast it. */
  | { kind: 'SUBMIT'; attempt: number; update: Uint8Array; signers: string[] }
  /** This org recorded the task: record the outcome. */
  | { kind: 'RECORD_RESULT'; attempt: number; result: TaskResultInput }
  /** Nothing for this org to do now; `problem` is set when something is wrong rather than just pending. */
  | { kind: 'WAIT'; attempt?: number; waitingFor: string; problem?: string };

/** What the agent should do for a proposal as a whole. */
export type ProposalAction =
  /** OPEN, and a tally would settle it: submit TallyProposal. */
  | { kind: 'TALLY' }
  /** An APPROVED or APPLYING DEPLOY_CHAINCODE: install, approve, commit (plan-deployment.ts). */
  | { kind: 'DEPLOY' }
  /** An APPLYING CREATE_CHANNEL lists this org and it has not recorded its join: build the genesis block, join its nodes (create-channel.ts). */
  | { kind: 'JOIN_NEW_CHANNEL'; channel: string }
  /** An APPLIED UPDATE_CHANNEL added this org to `channel`: join its peer, then install and approve the chaincodes committed on it (plan-proposal.ts). */
  | { kind: 'JOIN_PEER'; channel: string }
  /** An APPLIED UPDATE_CHANNEL made this org a consenter of `channel`: join its orderer with the latest config block. */
  | { kind: 'JOIN_ORDERER'; channel: string }
  /** An APPLIED UPDATE_CHANNEL took this org's orderer out of `channel`'s consenters: remove the channel from it. */
  | { kind: 'LEAVE_ORDERER'; channel: string }
  /** Work on the first channel that has not committed. */
  | { kind: 'CHANNEL'; channel: string }
  /** Nothing to do (still being voted on, or finished); `reason` says which. */
  | { kind: 'IDLE'; reason: string };
