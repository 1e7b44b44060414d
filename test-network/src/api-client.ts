/** A member's api-server as its admin sees it: plain JSON over HTTP with the org's admin API key. */
export interface MemberApi {
  mspId: string;
  url: string;
  call<T = any>(method: string, path: string, body?: unknown): Promise<T>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export function memberApi(mspId: string, url: string, apiKey: string): MemberApi {
  return {
    mspId,
    url,
    async call<T>(method: string, path: string, body?: unknown): Promise<T> {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: { authorization: `Bearer ${apiKey}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      const json = await res.json();
      if (res.status >= 400) throw new Error(`${mspId} ${method} ${path}: HTTP ${res.status} ${JSON.stringify(json)}`);
      return json as T;
    },
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
