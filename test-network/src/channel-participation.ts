import { readFileSync } from 'node:fs';
import { request } from 'node:https';

/** TLS material for the orderer's admin endpoint, which requires a client certificate. */
export interface AdminTls {
  ca: string;
  cert: string;
  key: string;
}

export interface ChannelInfo {
  name: string;
  status: string;
  consensusRelation: string;
  height: number;
}

function call(method: string, url: string, tls: AdminTls, body?: Buffer, contentType?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method,
        ca: tls.ca,
        cert: tls.cert,
        key: tls.key,
        headers: body ? { 'Content-Type': contentType ?? 'application/octet-stream', 'Content-Length': body.length } : {},
        timeout: 15_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timeout calling ${url}`)));
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

/**
 * Joins an orderer to a channel through the channel participation API, as `osnadmin channel join` does:
 * a multipart form with the block in the `config-block` field. Joining a channel the orderer already has is a
 * success (idempotent).
 */
export async function joinOrdererToChannel(adminUrl: string, tls: AdminTls, blockFile: string): Promise<ChannelInfo> {
  const boundary = `----opssc${Date.now().toString(16)}`;
  const block = readFileSync(blockFile);
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="config-block"; filename="config.block"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    block,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await call('POST', `${adminUrl}/participation/v1/channels`, tls, body, `multipart/form-data; boundary=${boundary}`);
  if (res.status === 201) return JSON.parse(res.body) as ChannelInfo;
  if (res.status === 405 && res.body.includes('already exists')) {
    const name = /channel (\S+) already exists/.exec(res.body)?.[1];
    if (name) return getChannel(adminUrl, tls, name) as Promise<ChannelInfo>;
  }
  throw new Error(`orderer at ${adminUrl} refused to join: HTTP ${res.status} ${res.body}`);
}

/** One channel as the orderer sees it, or undefined when it has not joined. */
export async function getChannel(adminUrl: string, tls: AdminTls, channelId: string): Promise<ChannelInfo | undefined> {
  const res = await call('GET', `${adminUrl}/participation/v1/channels/${channelId}`, tls);
  if (res.status === 404) return undefined;
  if (res.status !== 200) throw new Error(`orderer at ${adminUrl}: HTTP ${res.status} ${res.body}`);
  return JSON.parse(res.body) as ChannelInfo;
}

/** Waits until the orderer reports the channel active, i.e. Raft has a leader and blocks can be ordered. */
export async function waitChannelActive(adminUrl: string, tls: AdminTls, channelId: string, deadlineMs = 60_000): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  let last: ChannelInfo | undefined;
  while (Date.now() < deadline) {
    last = await getChannel(adminUrl, tls, channelId);
    if (last?.status === 'active') return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`channel ${channelId} is not active on ${adminUrl}: ${JSON.stringify(last)}`);
}
