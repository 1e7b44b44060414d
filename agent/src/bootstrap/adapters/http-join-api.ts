import type { BootstrapMaterial, ChannelEndpoints, JoinApiPort, JoinStatusView } from '../bootstrap-ports';

/** The api-server refused a call, or could not be reached (`retryable`). The token never appears in it. */
export class JoinApiError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly code: string | undefined,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'JoinApiError';
  }
}

/** Fabric's own gRPC limit; an installable package is never larger. */
const MAX_PACKAGE_BYTES = 100 * 1024 * 1024;

type Fetch = typeof fetch;

/**
 * A member's api-server, called with the invitation token. Unreachable servers, 5xx and 429 answers are
 * retryable; any other refusal carries the server's stable code.
 */
export function httpJoinApi(apiUrl: string, token: string, options: { timeoutMs?: number; fetch?: Fetch } = {}): JoinApiPort {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 60_000;

  async function call(path: string): Promise<Response> {
    const what = `GET ${apiUrl}${path}`;
    let response: Response;
    try {
      response = await doFetch(`${apiUrl}${path}`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(timeoutMs) });
    } catch (err) {
      throw new JoinApiError(`${what}: ${(err as Error).message}`, undefined, undefined, true);
    }
    if (response.ok) return response;
    const body = (await response.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
    const code = body.error?.code;
    const retryable = response.status >= 500 || response.status === 429;
    throw new JoinApiError(`${what}: HTTP ${response.status}${code ? ` ${code}` : ''}${body.error?.message ? `: ${body.error.message}` : ''}`, response.status, code, retryable);
  }

  const json = async <T>(path: string): Promise<T> => (await (await call(path)).json()) as T;
  const statusOf = (raw: Partial<JoinStatusView>): JoinStatusView => ({
    proposalId: String(raw.proposalId),
    status: String(raw.status),
    ...(raw.memberStatus ? { memberStatus: raw.memberStatus } : {}),
    channels: raw.channels ?? [],
    tasks: raw.tasks ?? [],
  });

  return {
    async listJoinRequests() {
      return (await json<{ items: Partial<JoinStatusView>[] }>('/api/v1/join-requests')).items.map(statusOf);
    },
    async getJoinRequest(proposalId) {
      return statusOf(await json<Partial<JoinStatusView>>(`/api/v1/join-requests/${encodeURIComponent(proposalId)}`));
    },
    async getBootstrap(proposalId): Promise<BootstrapMaterial> {
      const body = await json<ChannelEndpoints & { channels?: ChannelEndpoints[] }>(`/api/v1/join-requests/${encodeURIComponent(proposalId)}/bootstrap`);
      // An api-server without per-channel material still gives the ops channel's at the top level.
      const ops: ChannelEndpoints = { channel: body.channel, orderers: body.orderers ?? [], peers: body.peers ?? [], tlsRootCerts: body.tlsRootCerts ?? {} };
      return { channels: body.channels?.length ? body.channels : [ops] };
    },
    async downloadPackage(packageId) {
      const response = await call(`/api/v1/chaincode-packages/${encodeURIComponent(packageId)}`);
      const declared = Number(response.headers.get('content-length') ?? 0);
      if (declared > MAX_PACKAGE_BYTES) throw new JoinApiError(`package ${packageId} is ${declared} bytes, over the ${MAX_PACKAGE_BYTES} limit`, response.status, undefined, false);
      return new Uint8Array(await response.arrayBuffer());
    },
  };
}
