import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface ProbeOptions {
  /** PEM CA certificate for https URLs. */
  ca?: string | Buffer;
  timeoutMs?: number;
}

/** One GET; resolves with the status code, or 0 when the server does not answer. */
export function probe(url: string, options: ProbeOptions = {}): Promise<number> {
  return new Promise((resolve) => {
    const requester = url.startsWith('https:') ? httpsRequest : httpRequest;
    const req = requester(url, { method: 'GET', ca: options.ca, timeout: options.timeoutMs ?? 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
    req.end();
  });
}

/** Polls until the URL answers 200, or throws naming the URL and the log to read. */
export async function waitHealthy(name: string, url: string, logFile: string, options: ProbeOptions & { deadlineMs?: number; isAlive?: () => boolean } = {}): Promise<void> {
  const deadline = Date.now() + (options.deadlineMs ?? 60_000);
  let last = 0;
  while (Date.now() < deadline) {
    last = await probe(url, options);
    if (last === 200) return;
    if (options.isAlive && !options.isAlive()) {
      throw new Error(`${name} exited during start-up; see ${logFile}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${name} did not become healthy at ${url} (last status ${last}); see ${logFile}`);
}
