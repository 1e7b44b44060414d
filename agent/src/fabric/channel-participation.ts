import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest, type RequestOptions } from 'node:https';
import { common } from '@hyperledger/fabric-protos';
import { channelIdOfBlock } from './block-inspection';
import { FabricAdminError } from './fabric-admin-error';

/** The orderer's admin endpoint (channel participation API). */
export interface OrdererAdminApi {
  /** e.g. `https://127.0.0.1:7053`. */
  url: string;
  /** PEM of the CA that issued the admin endpoint's TLS certificate. */
  tlsRootCert?: Uint8Array;
  /** The admin client TLS pair, when the endpoint requires mutual TLS (`Admin.TLS.ClientAuthRequired`). */
  clientTls?: { cert: Uint8Array; key: Uint8Array };
}

/** The same endpoint with its TLS material given as file paths. */
export interface OrdererAdminApiFiles {
  url: string;
  tlsRootCertFile?: string;
  clientCertFile?: string;
  clientKeyFile?: string;
}

/** One channel as the orderer reports it. */
export interface ParticipationChannel {
  name: string;
  url?: string;
  /** `consenter`, `follower` or `config-tracker`. */
  consensusRelation: string;
  /** `active`, `onboarding`, `inactive` or `failed`. */
  status: string;
  height: number;
}

/** The outcome of a join: `alreadyJoined` when the orderer had the channel before (a repeated step). */
export interface JoinOrdererResult {
  channel: ParticipationChannel;
  alreadyJoined: boolean;
}

/** The orderer's channel participation API, as `osnadmin channel` uses it. */
export interface ChannelParticipation {
  /** Joins the orderer to a channel with a config block (the genesis block, or the latest config block). Idempotent. */
  joinOrderer(configBlock: Uint8Array): Promise<JoinOrdererResult>;
  /** The channels the orderer serves. */
  listChannels(): Promise<{ name: string; url?: string }[]>;
  /** One channel, or undefined when the orderer has not joined it. */
  getChannel(name: string): Promise<ParticipationChannel | undefined>;
  /** Removes the channel from the orderer (`osnadmin channel remove`). Idempotent: `alreadyRemoved` when it had none. */
  removeChannel(name: string): Promise<{ alreadyRemoved: boolean }>;
}

/** Reads the admin endpoint's TLS files once, failing fast on a missing file or a half-configured client pair. */
export async function readOrdererAdminApi(files: OrdererAdminApiFiles): Promise<OrdererAdminApi> {
  if (Boolean(files.clientCertFile) !== Boolean(files.clientKeyFile)) {
    throw new Error(`the admin client TLS certificate and key for ${files.url} must be given together`);
  }
  const api: OrdererAdminApi = { url: files.url };
  if (files.tlsRootCertFile) api.tlsRootCert = await readFile(files.tlsRootCertFile);
  if (files.clientCertFile && files.clientKeyFile) {
    api.clientTls = { cert: await readFile(files.clientCertFile), key: await readFile(files.clientKeyFile) };
  }
  return api;
}

interface HttpAnswer {
  status: number;
  body: string;
}

function send(api: OrdererAdminApi, method: string, path: string, body?: { bytes: Buffer; contentType: string }): Promise<HttpAnswer> {
  const url = new URL(path, api.url);
  const options: RequestOptions = {
    method,
    ca: api.tlsRootCert && Buffer.from(api.tlsRootCert),
    cert: api.clientTls && Buffer.from(api.clientTls.cert),
    key: api.clientTls && Buffer.from(api.clientTls.key),
    headers: body ? { 'Content-Type': body.contentType, 'Content-Length': body.bytes.length } : {},
    timeout: 30_000,
  };
  // An admin endpoint without TLS is plain HTTP; the TLS options are then unused.
  const request = url.protocol === 'http:' ? httpRequest : httpsRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      options,
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('no answer within 30 s')));
    req.on('error', (err) => reject(new FabricAdminError('NODE_UNAVAILABLE', `${method} ${url.href}: ${err.message}`, { cause: err })));
    if (body) req.write(body.bytes);
    req.end();
  });
}

function refused(method: string, path: string, answer: HttpAnswer): FabricAdminError {
  // The API answers errors as {"error": "..."}; keep the orderer's words in the message.
  let reason = answer.body.trim();
  try {
    reason = (JSON.parse(answer.body) as { error?: string }).error ?? reason;
  } catch {
    // not JSON: keep the raw body
  }
  return new FabricAdminError('PARTICIPATION_REFUSED', `${method} ${path}: HTTP ${answer.status}: ${reason}`, { status: answer.status, reason, retryable: answer.status >= 500 });
}

/** A client of one orderer's channel participation API. */
export function channelParticipation(api: OrdererAdminApi): ChannelParticipation {
  const channelPath = (name: string) => `/participation/v1/channels/${encodeURIComponent(name)}`;

  async function getChannel(name: string): Promise<ParticipationChannel | undefined> {
    const answer = await send(api, 'GET', channelPath(name));
    if (answer.status === 404) return undefined;
    if (answer.status !== 200) throw refused('GET', channelPath(name), answer);
    return JSON.parse(answer.body) as ParticipationChannel;
  }

  return {
    async joinOrderer(configBlock) {
      const name = channelIdOfBlock(common.Block.deserializeBinary(configBlock));
      // The same multipart form as osnadmin: the block in the `config-block` field.
      const boundary = `opssc-${randomBytes(12).toString('hex')}`;
      const bytes = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="config-block"; filename="${name}.block"\r\nContent-Type: application/octet-stream\r\n\r\n`),
        Buffer.from(configBlock),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const path = '/participation/v1/channels';
      const answer = await send(api, 'POST', path, { bytes, contentType: `multipart/form-data; boundary=${boundary}` });
      if (answer.status === 201) return { channel: JSON.parse(answer.body) as ParticipationChannel, alreadyJoined: false };
      // A second join is refused with 405 "channel already exists"; the orderer's own view of the channel decides.
      const existing = answer.status === 405 ? await getChannel(name) : undefined;
      if (existing) return { channel: existing, alreadyJoined: true };
      throw refused('POST', path, answer);
    },
    async listChannels() {
      const path = '/participation/v1/channels';
      const answer = await send(api, 'GET', path);
      if (answer.status !== 200) throw refused('GET', path, answer);
      return (JSON.parse(answer.body) as { channels: { name: string; url?: string }[] | null }).channels ?? [];
    },
    getChannel,
    async removeChannel(name) {
      const answer = await send(api, 'DELETE', channelPath(name));
      if (answer.status === 204) return { alreadyRemoved: false };
      if (answer.status === 404) return { alreadyRemoved: true };
      throw refused('DELETE', channelPath(name), answer);
    },
  };
}
