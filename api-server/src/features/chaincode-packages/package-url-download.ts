import { OpsError } from '@opssc/core';
import { MAX_PACKAGE_BYTES } from './package-files';

/** Bounds of a package download by URL. */
export interface PackageDownloadLimits {
  /** Largest package accepted: the same as an upload's. */
  maxBytes: number;
  /** The whole download (redirects and body included), in milliseconds. */
  timeoutMs: number;
  /** Redirects followed before giving up. */
  maxRedirects: number;
}

/** The production bounds: the upload limit, and the same timeout and redirects as the agents use for the same URL. */
export const PACKAGE_DOWNLOAD_LIMITS: Readonly<PackageDownloadLimits> = Object.freeze({ maxBytes: MAX_PACKAGE_BYTES, timeoutMs: 120_000, maxRedirects: 3 });

/** Fetches a package's bytes by URL; refusals are OpsErrors with stable codes. */
export type PackageDownloader = (url: string) => Promise<Buffer>;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * Downloads a chaincode package from a URL a DEPLOY_CHAINCODE proposal gives. No credential of this
 * org is ever sent: the host is not a member, and the bytes need no trust anyway, since the proposal
 * pins them by SHA-256. Redirects are followed by hand, at most `maxRedirects` and to http(s) only
 * (a release host commonly redirects to its storage). Refusals:
 * - PACKAGE_DOWNLOAD_FAILED: unreachable, timed out, a non-2xx answer, or too many redirects;
 * - PACKAGE_TOO_LARGE: a body over `maxBytes`, announced or counted; reading stops there.
 */
export async function downloadPackageUrl(url: string, limits: Readonly<PackageDownloadLimits> = PACKAGE_DOWNLOAD_LIMITS): Promise<Buffer> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  const failed = (why: string) => new OpsError('PACKAGE_DOWNLOAD_FAILED', `GET ${url}: ${why}`);
  let current = url;
  for (let redirects = 0; ; redirects++) {
    let response: Response;
    try {
      response = await fetch(current, { redirect: 'manual', signal });
    } catch (err) {
      throw failed(fetchFailure(err, signal, limits.timeoutMs));
    }
    if (REDIRECTS.has(response.status)) {
      await response.body?.cancel();
      current = nextHop(current, response.headers.get('location'), redirects, limits.maxRedirects, failed);
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw failed(`HTTP ${response.status}${current === url ? '' : ` from ${current}`}`);
    }
    return readBody(response, limits, signal, failed);
  }
}

function nextHop(current: string, location: string | null, redirects: number, maxRedirects: number, failed: (why: string) => OpsError): string {
  if (redirects >= maxRedirects) throw failed(`more than ${maxRedirects} redirects`);
  if (!location) throw failed('a redirect without a Location');
  let next: URL;
  try {
    next = new URL(location, current);
  } catch {
    throw failed('a redirect to an unreadable Location');
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') throw failed(`a redirect to a ${next.protocol} URL`);
  return next.href;
}

/** Reads the body, stopping as soon as it passes the limit: a huge answer costs at most `maxBytes`. */
async function readBody(response: Response, limits: Readonly<PackageDownloadLimits>, signal: AbortSignal, failed: (why: string) => OpsError): Promise<Buffer> {
  const tooLarge = () => new OpsError('PACKAGE_TOO_LARGE', `the package at ${response.url} is larger than ${limits.maxBytes} bytes, the upload limit`);
  const announced = Number(response.headers.get('content-length') ?? NaN);
  if (announced > limits.maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  try {
    for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader?.read()) {
      size += chunk.value.length;
      if (size > limits.maxBytes) {
        await reader?.cancel();
        throw tooLarge();
      }
      chunks.push(chunk.value);
    }
  } catch (err) {
    if (err instanceof OpsError) throw err;
    throw failed(fetchFailure(err, signal, limits.timeoutMs));
  }
  return Buffer.concat(chunks, size);
}

/** Why a fetch failed, without its stack: a timeout, or the network error's own code. */
function fetchFailure(err: unknown, signal: AbortSignal, timeoutMs: number): string {
  if (signal.aborted) return `no complete answer within ${timeoutMs} ms`;
  const cause = (err as { cause?: { code?: unknown; message?: unknown } }).cause;
  const code = typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : (err as Error).message;
  return `unreachable (${code})`;
}
