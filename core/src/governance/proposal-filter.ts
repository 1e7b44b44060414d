import { OpsError } from '../errors';
import { expectInteger, expectObject, expectString } from './input-shape';
import { GOVERNANCE_LIMITS } from './limits';
import { isProposalStatus, isProposalType, type ProposalStatus, type ProposalType } from './proposal';

/** ListProposals' filter, validated. */
export interface ProposalFilter {
  status?: ProposalStatus;
  type?: ProposalType;
  /** Items per page, 1 to {@link GOVERNANCE_LIMITS.pageSize} (default 20). */
  limit: number;
  /** The opaque `nextCursor` of the previous page. */
  cursor?: string;
}

/** Reads ListProposals' filter (`{}` or `""` for the first page of everything). */
export function parseProposalFilter(value: unknown): ProposalFilter {
  const obj = expectObject(value ?? {}, 'filter', ['status', 'type', 'limit', 'cursor']);
  if (obj.status !== undefined && !isProposalStatus(obj.status)) {
    throw new OpsError('INVALID_ARGUMENT', 'filter.status must be a proposal status');
  }
  if (obj.type !== undefined && !isProposalType(obj.type)) {
    throw new OpsError('INVALID_ARGUMENT', 'filter.type must be a proposal type');
  }
  const filter: ProposalFilter = {
    limit: obj.limit === undefined ? 20 : expectInteger(obj.limit, 'filter.limit', 1, GOVERNANCE_LIMITS.pageSize),
  };
  if (obj.status !== undefined) filter.status = obj.status as ProposalStatus;
  if (obj.type !== undefined) filter.type = obj.type as ProposalType;
  if (obj.cursor !== undefined) {
    filter.cursor = expectString(obj.cursor, 'filter.cursor', { max: 1024, pattern: /^[A-Za-z0-9_-]+$/, describe: 'a cursor returned by ListProposals' });
  }
  return filter;
}
