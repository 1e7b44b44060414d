import type { JoinRequest } from '@opssc/core';
import type { JoinOutcome, JoinStatus } from '../features/join-requests/join-requests-service';

export type { JoinOutcome, JoinStatus };

/** An error answer of an api-server, with its stable code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'ApiError';
  }
}

/** The join endpoints of a member's api-server, as the joining org calls them. */
export interface JoinApiClient {
  submit(apiUrl: string, token: string, request: JoinRequest): Promise<JoinOutcome>;
  status(apiUrl: string, token: string, proposalId: string): Promise<JoinStatus>;
}

/** A client over `fetch`, with a timeout per call. */
export function httpJoinApiClient(fetchFn: typeof fetch = fetch, timeoutMs = 30_000): JoinApiClient {
  const call = async <T>(url: string, token: string, init: RequestInit): Promise<T> => {
    const response = await fetchFn(url, {
      ...init,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await response.json().catch(() => undefined)) as { error?: { code?: string; message?: string; correlationId?: string } } | undefined;
    if (!response.ok) {
      const error = body?.error;
      throw new ApiError(response.status, error?.code ?? 'HTTP_' + response.status, error?.message ?? `correlation id ${error?.correlationId ?? 'n/a'}`);
    }
    return body as T;
  };
  const base = (apiUrl: string) => apiUrl.replace(/\/+$/, '');
  return {
    submit: (apiUrl, token, request) =>
      call<JoinOutcome>(`${base(apiUrl)}/api/v1/join-requests`, token, { method: 'POST', body: JSON.stringify(request) }),
    status: (apiUrl, token, proposalId) =>
      call<JoinStatus>(`${base(apiUrl)}/api/v1/join-requests/${encodeURIComponent(proposalId)}`, token, { method: 'GET' }),
  };
}
