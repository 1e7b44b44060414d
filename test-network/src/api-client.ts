import { readFileSync } from 'node:fs';

/** A member's api-server as its admin sees it: plain JSON over HTTP with the org's admin API key. */
export interface MemberApi {
  mspId: string;
  url: string;
  call<T = any>(method: string, path: string, body?: unknown): Promise<T>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Uploads a chaincode package file (POST /api/v1/chaincode-packages); resolves to its packageId and sha256. */
  uploadPackage(file: string): Promise<{ packageId: string; sha256: string }>;
}

export function memberApi(mspId: string, url: string, apiKey: string): MemberApi {
  async function send<T>(method: string, path: string, body: string | Buffer | undefined, contentType: string): Promise<T> {
    const res = await fetch(`${url}${path}`, { method, headers: { authorization: `Bearer ${apiKey}`, ...(body ? { 'content-type': contentType } : {}) }, body });
    const json = await res.json();
    if (res.status >= 400) throw new Error(`${mspId} ${method} ${path}: HTTP ${res.status} ${JSON.stringify(json)}`);
    return json as T;
  }
  return {
    mspId,
    url,
    call: (method, path, body) => send(method, path, body ? JSON.stringify(body) : undefined, 'application/json'),
    uploadPackage: (file) => send('POST', '/api/v1/chaincode-packages', readFileSync(file), 'application/octet-stream'),
  };
}

/** Polls until `probe` returns a value, or throws naming what it waited for. */
export async function poll<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 300_000, intervalMs = 500): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
