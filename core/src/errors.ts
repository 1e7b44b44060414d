/**
 * Stable error codes shared by the chaincode, the api-server and the agent.
 * A chaincode error message always starts with `CODE: `; clients branch on the code, never on prose.
 */
export const ErrorCodes = [
  // input
  'INVALID_ARGUMENT',
  'PAYLOAD_TOO_LARGE',
  // identity and permission
  'UNAUTHENTICATED',
  'NOT_AN_ADMIN',
  'NOT_A_MEMBER',
  'MEMBER_NOT_ACTIVE',
  'FORBIDDEN',
  // consortium state
  'ALREADY_INITIALIZED',
  'NOT_INITIALIZED',
  'MEMBER_NOT_FOUND',
  'MEMBER_EXISTS',
  'INVALID_STATUS_TRANSITION',
  'PROPOSAL_NOT_FOUND',
  'PROPOSAL_EXISTS',
  'PROPOSAL_NOT_OPEN',
  'PROPOSAL_DEADLINE_PASSED',
  'PROPOSAL_DEADLINE_NOT_REACHED',
  'NOT_PROPOSER',
  'VOTE_ALREADY_CAST',
  'POLICY_UNSATISFIABLE',
  'MEMBERSHIP_VERSION_STALE',
  // invitations and join requests
  'INVITATION_NOT_FOUND',
  'INVITATION_EXISTS',
  'INVITATION_EXPIRED',
  'INVITATION_USED',
  'INVITATION_REVOKED',
  'INVITATION_MSP_MISMATCH',
  'DIGEST_MISMATCH',
  'ALREADY_ATTESTED',
  'MSP_VALIDATION_FAILED',
  // apply tracking
  'TASK_NOT_FOUND',
  'CONFIG_UPDATE_EXISTS',
  'SIGNATURE_EXISTS',
  'RESULT_EXISTS',
  // chaincode packages
  'CHAINCODE_PACKAGE_NOT_FOUND',
  'CHAINCODE_PACKAGE_CONFLICT',
  'PACKAGE_HASH_MISMATCH',
  'PACKAGE_DOWNLOAD_FAILED',
  'PACKAGE_TOO_LARGE',
  // chaincode deployment proposals
  'SEQUENCE_NOT_NEXT',
  'STEP_EXISTS',
  'PACKAGE_LABEL_TAKEN',
  // channel creation proposals
  'CHANNEL_EXISTS',
  'GENESIS_MISMATCH',
  // transport, api-server side
  'MVCC_CONFLICT',
  'UPSTREAM_UNAVAILABLE',
  'RATE_LIMITED',
  'NOT_FOUND',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ErrorCodes)[number];

const knownCodes = new Set<string>(ErrorCodes);

/** An error that carries a stable code. Its message is `CODE: detail`. */
export class OpsError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'OpsError';
  }
}

/** Extracts the stable code from an error message such as `VOTE_ALREADY_CAST: Org2MSP already voted on p-42`. */
export function parseErrorCode(message: string): ErrorCode | undefined {
  const match = /\b([A-Z][A-Z_]+[A-Z]):\s/.exec(message);
  if (match && knownCodes.has(match[1])) {
    return match[1] as ErrorCode;
  }
  return undefined;
}
