import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { OrgHandle } from '../../src/network-state';
import { ordererFlags, peerCli } from '../../src/peer-cli';

const run = promisify(execFile);

/**
 * Fabric's own CLIs, used as independent oracles of what the agent's code did. Only tests use them: the
 * agent itself never needs a Fabric binary.
 */

function jsonAfter(output: string, marker = '{'): unknown {
  return JSON.parse(output.slice(output.indexOf(marker)));
}

/** `peer channel fetch config` and `configtxlator proto_decode`: the latest config block as bytes and as JSON. */
export async function fetchConfigBlock(org: OrgHandle, channelId: string): Promise<{ bytes: Buffer; json: ConfigBlockJson }> {
  const dir = mkdtempSync(join(tmpdir(), 'agent-oracle-'));
  try {
    const file = join(dir, 'config.block');
    await peerCli(org, ['channel', 'fetch', 'config', file, '-c', channelId, ...ordererFlags(org)]);
    // configtxlator's default output is /dev/stdout, which a test runner's child process may not have.
    await run(join(org.fabric.binDir, 'configtxlator'), ['proto_decode', '--input', file, '--type', 'common.Block', '--output', join(dir, 'config.json')]);
    return { bytes: readFileSync(file), json: JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as ConfigBlockJson };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The parts of configtxlator's JSON for a config block that the tests compare. */
export interface ConfigBlockJson {
  header: { number: string };
  data: {
    data: {
      payload: {
        header: { channel_header: { channel_id: string } };
        data: { config: { channel_group: { groups: Record<string, { groups: Record<string, { policies: Record<string, { policy: { value: unknown } }> }> }> } } };
      };
    }[];
  };
}

/** `peer channel getinfo`: the peer's height and newest block hash (hex). */
export async function chainInfo(org: OrgHandle, channelId: string): Promise<{ height: number; currentBlockHash: string }> {
  const info = jsonAfter(await peerCli(org, ['channel', 'getinfo', '-c', channelId])) as { height: number; currentBlockHash: string };
  return { height: info.height, currentBlockHash: Buffer.from(info.currentBlockHash, 'base64').toString('hex') };
}

/** `peer lifecycle chaincode queryinstalled`: the installed package IDs. */
export async function installedPackageIds(org: OrgHandle): Promise<string[]> {
  const out = await peerCli(org, ['lifecycle', 'chaincode', 'queryinstalled', '-O', 'json']);
  if (!out.includes('{')) return [];
  return ((jsonAfter(out) as { installed_chaincodes?: { package_id: string }[] }).installed_chaincodes ?? []).map((cc) => cc.package_id);
}

/** `peer lifecycle chaincode checkcommitreadiness`, with the policy given in Fabric's own policy language. */
export async function commitReadiness(org: OrgHandle, channelId: string, name: string, version: string, sequence: number, signaturePolicy: string): Promise<Record<string, boolean>> {
  const out = await peerCli(org, [
    'lifecycle', 'chaincode', 'checkcommitreadiness', '--channelID', channelId, '--name', name, '--version', version,
    '--sequence', String(sequence), '--signature-policy', signaturePolicy, '-O', 'json',
  ]);
  return (jsonAfter(out) as { approvals: Record<string, boolean> }).approvals;
}

/** `osnadmin channel list`: the channels the org's orderer serves. */
export async function ordererChannels(org: OrgHandle): Promise<string[]> {
  const tls = (file: string) => join(org.layout.ordererTls, file);
  const { stdout } = await run(join(org.fabric.binDir, 'osnadmin'), [
    'channel', 'list', '-o', `127.0.0.1:${org.ports.ordererAdmin}`, '--ca-file', tls('ca.crt'), '--client-cert', tls('server.crt'), '--client-key', tls('server.key'),
  ]);
  return ((jsonAfter(stdout) as { channels: { name: string }[] | null }).channels ?? []).map((c) => c.name);
}

/** A config group as configtxlator decodes it; values are decoded to JSON by their key. */
export interface ConfigGroupJson {
  groups: Record<string, ConfigGroupJson>;
  values: Record<string, { value: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  policies: Record<string, { policy: { value: unknown } }>;
}

/** The channel's current config as Fabric's own CLIs show it: its sequence and its channel group. */
export async function fetchChannelConfig(org: OrgHandle, channelId: string): Promise<{ sequence: number; channelGroup: ConfigGroupJson }> {
  const { json } = await fetchConfigBlock(org, channelId);
  const config = (json.data.data[0].payload.data as unknown as { config: { sequence: string; channel_group: ConfigGroupJson } }).config;
  return { sequence: Number(config.sequence), channelGroup: config.channel_group };
}
