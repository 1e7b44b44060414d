import type { ApiConnection } from './api-options';
import { ApiUnreachableError } from './cli-errors';
import { ApiError } from './join-api-client';

/** A proposal as the api-server returns it: the fields the CLI reads, and whatever else the server adds. */
export interface ProposalView {
  id: string;
  type: string;
  status: string;
  proposer?: string;
  createdAt?: string;
  statusReason?: string;
  votes?: { mspId?: string; decision?: string }[];
  [field: string]: unknown;
}

/** One page of `GET /api/v1/proposals`. */
export interface ProposalPage {
  items: ProposalView[];
  nextCursor?: string;
}

/** The filter of `GET /api/v1/proposals`; values go to the server unchecked, which validates them. */
export interface ProposalListFilter {
  status?: string;
  type?: string;
  limit?: number;
  cursor?: string;
}

/** The body of `POST /api/v1/proposals`. The payload's shape is the server's to check. */
export interface CreateProposalRequest {
  type: string;
  payload: unknown;
  deadlineSeconds?: number;
}

/** The answer of `POST /api/v1/proposals/:id/votes`. */
export interface VoteOutcome {
  vote: Record<string, unknown>;
  proposalStatus: string;
}

/** The answer of `POST /api/v1/chaincode-packages`. */
export interface UploadedPackage {
  packageId: string;
  sha256: string;
  label: string;
  stored: boolean;
}

/** The governance endpoints of this org's api-server, as its admins call them. */
export interface ProposalsApiClient {
  list(filter: ProposalListFilter): Promise<ProposalPage>;
  get(proposalId: string): Promise<ProposalView>;
  create(request: CreateProposalRequest): Promise<ProposalView>;
  vote(proposalId: string, decision: 'approve' | 'reject', reason: string): Promise<VoteOutcome>;
  withdraw(proposalId: string): Promise<ProposalView>;
  uploadPackage(bytes: Buffer): Promise<UploadedPackage>;
}

/** Timeouts per call: JSON calls answer once the peer has committed; an upload may be 100 MB. */
export interface ClientTimeouts {
  callMs: number;
  uploadMs: number;
}

type ErrorBody = { error?: { code?: string; message?: string; correlationId?: string } };

/**
 * A client over `fetch`. A refusal becomes an {@link ApiError} with the server's stable code; a network
 * failure or timeout an {@link ApiUnreachableError}. Neither carries the key: only the server's error
 * body and the failure's system code are used.
 */
export function httpProposalsApiClient(
  connection: ApiConnection,
  fetchFn: typeof fetch = fetch,
  timeouts: ClientTimeouts = { callMs: 60_000, uploadMs: 600_000 },
): ProposalsApiClient {
  const call = async <T>(method: string, path: string, body?: { json: unknown } | { bytes: Buffer }): Promise<T> => {
    const headers: Record<string, string> = { authorization: `Bearer ${connection.apiKey}`, accept: 'application/json' };
    if (body && 'json' in body) headers['content-type'] = 'application/json';
    if (body && 'bytes' in body) headers['content-type'] = 'application/octet-stream';
    let response: Response;
    try {
      response = await fetchFn(`${connection.apiUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : 'json' in body ? JSON.stringify(body.json) : body.bytes,
        signal: AbortSignal.timeout(body && 'bytes' in body ? timeouts.uploadMs : timeouts.callMs),
      });
    } catch (err) {
      throw new ApiUnreachableError(connection.apiUrl, failureReason(err));
    }
    const text = await response.text();
    const parsed = parseJson(text);
    if (!response.ok) {
      const error = (parsed as ErrorBody | undefined)?.error;
      const message = error?.message ?? (error?.correlationId ? `correlation id ${error.correlationId}` : `the server answered ${response.status} ${response.statusText}`);
      throw new ApiError(response.status, error?.code ?? `HTTP_${response.status}`, message);
    }
    if (parsed === undefined) {
      throw new ApiError(response.status, 'INVALID_RESPONSE', `${method} ${path} answered ${response.status} without a JSON body`);
    }
    return parsed as T;
  };
  const proposal = (id: string) => `/api/v1/proposals/${encodeURIComponent(id)}`;
  return {
    list: (filter) => {
      const query = new URLSearchParams();
      for (const [name, value] of Object.entries(filter)) {
        if (value !== undefined) query.set(name, String(value));
      }
      return call('GET', `/api/v1/proposals${query.size ? `?${query}` : ''}`);
    },
    get: (id) => call('GET', proposal(id)),
    create: (request) => call('POST', '/api/v1/proposals', { json: request }),
    vote: (id, decision, reason) => call('POST', `${proposal(id)}/votes`, { json: { decision, reason } }),
    withdraw: (id) => call('POST', `${proposal(id)}/withdraw`, { json: {} }),
    uploadPackage: (bytes) => call('POST', '/api/v1/chaincode-packages', { bytes }),
  };
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/** The system-level reason of a failed fetch (ECONNREFUSED, a timeout), without request details. */
function failureReason(err: unknown): string {
  const e = err as { name?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError') return 'no answer in time';
  return e?.cause?.code ?? e?.cause?.message ?? (err as Error).message;
}
