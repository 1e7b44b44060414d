/** Bounds of one package download. */
export interface DownloadLimits {
  /** Largest body accepted: the api-server's upload limit, so no approvable package is refused. */
  maxBytes: number;
  /** The whole download (redirects and body included), in milliseconds. */
  timeoutMs: number;
  /** Redirects followed before giving up. */
  maxRedirects: number;
}

/** Fabric's gRPC message limit, which is also the api-server's package upload limit. */
export const MAX_PACKAGE_BYTES = 100 * 1024 * 1024;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * GETs `url` with no header of ours: no credential ever leaves this agent with a package download, so
 * a URL on-chain (a third-party host) learns nothing of the org. Redirects are followed by hand, at
 * most `maxRedirects` and to http(s) only; the body is read up to `maxBytes` and the read stops there,
 * so a hostile host costs at most that much memory. Throws an Error that says what went wrong.
 */
export async function boundedDownload(url: string, limits: DownloadLimits): Promise<Uint8Array> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  const failed = (why: string) => new Error(`GET ${url}: ${why}`);
  const transport = (err: unknown) => failed(signal.aborted ? `no complete answer within ${limits.timeoutMs} ms` : `unreachable (${networkCause(err)})`);
  let current = url;
  for (let redirects = 0; ; redirects++) {
    const response = await fetch(current, { redirect: 'manual', signal }).catch((err: unknown) => {
      throw transport(err);
    });
    if (REDIRECTS.has(response.status)) {
      await response.body?.cancel();
      const next = response.headers.get('location');
      if (redirects >= limits.maxRedirects || !next) throw failed(next ? `more than ${limits.maxRedirects} redirects` : 'a redirect without a Location');
      const target = URL.canParse(next, current) ? new URL(next, current) : undefined;
      if (target?.protocol !== 'http:' && target?.protocol !== 'https:') throw failed(`a redirect to ${next.slice(0, 200)}, which is not an http(s) URL`);
      current = target.href;
      continue;
    }
    if (!response.ok) {
      throw failed(`HTTP ${response.status} ${(await response.text().catch(() => '')).slice(0, 300)}`);
    }
    const tooLarge = failed(`the package is larger than ${limits.maxBytes} bytes`);
    if (Number(response.headers.get('content-length') ?? NaN) > limits.maxBytes) {
      await response.body?.cancel();
      throw tooLarge;
    }
    return readUpTo(response, limits.maxBytes, tooLarge, transport);
  }
}

async function readUpTo(response: Response, maxBytes: number, tooLarge: Error, transport: (err: unknown) => Error): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      size += chunk.value.length;
      if (size > maxBytes) {
        await reader.cancel();
        throw tooLarge;
      }
      chunks.push(chunk.value);
    }
  } catch (err) {
    throw err === tooLarge ? err : transport(err);
  }
  return new Uint8Array(Buffer.concat(chunks, size));
}

function networkCause(err: unknown): string {
  const cause = (err as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (typeof cause?.code === 'string') return cause.code;
  return typeof cause?.message === 'string' ? cause.message : (err as Error).message;
}
