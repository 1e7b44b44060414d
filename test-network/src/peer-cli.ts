import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { FabricInstall } from './fabric-binaries';
import { NodeContext, peerEnv } from './fabric-nodes';
import { OrgPorts } from './ports';
import { OrgLayout } from './run-layout';

const run = promisify(execFile);

/** A peer and the orderer an org's admin talks to, for Fabric's own CLI. */
export interface PeerTarget {
  fabric: FabricInstall;
  org: OrgLayout;
  ports: OrgPorts;
}

/**
 * Runs `peer …` as the org's admin against its own peer. Fabric's CLI is used by the test harness and as an
 * independent oracle in tests; the project's services never need it.
 */
export async function peerCli(target: PeerTarget, args: string[], timeoutMs = 120_000): Promise<string> {
  const ctx: NodeContext = { fabric: target.fabric, org: target.org, ports: target.ports, logDir: '', pidDir: '' };
  const env = { ...peerEnv(ctx), CORE_PEER_MSPCONFIGPATH: target.org.adminMsp, FABRIC_LOGGING_SPEC: 'WARNING' };
  try {
    const { stdout, stderr } = await run(join(target.fabric.binDir, 'peer'), args, { env, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
    return stdout + stderr;
  } catch (err) {
    const e = err as { stderr?: string; stdout?: string; message: string };
    throw new Error(`peer ${args.slice(0, 3).join(' ')} failed for ${target.org.mspId}: ${(e.stderr || e.stdout || e.message).trim()}`);
  }
}

/** TLS flags for commands that talk to an orderer. */
export function ordererFlags(target: PeerTarget): string[] {
  return ['-o', `127.0.0.1:${target.ports.orderer}`, '--tls', '--cafile', join(target.org.ordererTls, 'ca.crt')];
}

/** Joins the org's peer to a channel from its genesis block; a peer that already joined is left as it is. */
export async function joinPeer(target: PeerTarget, blockFile: string, channelId: string): Promise<void> {
  if ((await listPeerChannels(target)).includes(channelId)) return;
  await peerCli(target, ['channel', 'join', '-b', blockFile]);
}

export async function listPeerChannels(target: PeerTarget): Promise<string[]> {
  const out = await peerCli(target, ['channel', 'list']);
  const marker = out.indexOf('Channels peers has joined:');
  if (marker < 0) return [];
  return out.slice(marker).split('\n').slice(1).map((l) => l.trim()).filter(Boolean);
}

/** The peer's ledger height on a channel (`peer channel getinfo`). */
export async function ledgerHeight(target: PeerTarget, channelId: string): Promise<number> {
  const out = await peerCli(target, ['channel', 'getinfo', '-c', channelId]);
  const json = out.slice(out.indexOf('{'));
  return (JSON.parse(json) as { height: number }).height;
}
