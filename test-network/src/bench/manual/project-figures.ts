import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { OrgHandle } from '../../network-state';
import { ordererFlags, peerCli } from '../../peer-cli';
import { logDir } from '../../run-layout';

const run = promisify(execFile);

/* eslint-disable @typescript-eslint/no-explicit-any -- the api-server's JSON records are read as plain data */
type Json = any;

/** Each channel's COMMITTED result time (ms since epoch), in the order the channels committed. */
export function committedTimes(proposal: Json): { channel: string; at: number }[] {
  const tasks = (proposal.tasks ?? []) as { channel: string; status?: string; result?: { status: string; recordedAt?: string } }[];
  return tasks
    .filter((t) => t.result?.status === 'COMMITTED' && t.result.recordedAt)
    .map((t) => ({ channel: t.channel, at: Date.parse(t.result?.recordedAt as string) }))
    .sort((a, b) => a.at - b.at);
}

/**
 * When the new org's agent logged its last bootstrap step before `activate`, and the `activate` step itself
 * (winston JSON lines with a timestamp), from `<runDir>/logs/agent.<org>.log`.
 */
export function bootstrapSteps(runDir: string, orgName: string): { step: string; channel?: string; at: number }[] {
  const file = join(logDir(runDir), `agent.${orgName.toLowerCase()}.log`);
  if (!existsSync(file)) return [];
  const steps: { step: string; channel?: string; at: number }[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const entry = JSON.parse(line) as { component?: string; step?: string; channel?: string; timestamp?: string; outcome?: string };
      if (entry.component === 'bootstrap' && entry.step && entry.timestamp && entry.outcome !== 'failed') {
        steps.push({ step: entry.step, channel: entry.channel, at: Date.parse(entry.timestamp) });
      }
    } catch {
      // not a JSON line
    }
  }
  return steps;
}

/** One ordered transaction: its block, and `CONFIG` or `<chaincode>.<function>`. */
export interface OrderedTx {
  channel: string;
  block: number;
  what: string;
}

/**
 * The transactions ordered on a channel in blocks [from, to): each block fetched with `peer channel fetch <n>`
 * and decoded with `configtxlator proto_decode`, as an admin would inspect them.
 */
export async function orderedTransactions(org: OrgHandle, channel: string, from: number, to: number): Promise<OrderedTx[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-blocks-'));
  const txs: OrderedTx[] = [];
  try {
    for (let n = from; n < to; n++) {
      const file = join(dir, `${n}.block`);
      await peerCli(org, ['channel', 'fetch', String(n), file, '-c', channel, ...ordererFlags(org)]);
      await run(join(org.fabric.binDir, 'configtxlator'), ['proto_decode', '--input', file, '--type', 'common.Block', '--output', `${file}.json`]);
      const block = JSON.parse(readFileSync(`${file}.json`, 'utf8')) as Json;
      for (const envelope of block.data.data as Json[]) {
        const type = envelope.payload.header.channel_header.type as number | string;
        if (type === 1 || type === 'CONFIG') {
          txs.push({ channel, block: n, what: 'CONFIG' });
          continue;
        }
        const spec = envelope.payload.data?.actions?.[0]?.payload?.chaincode_proposal_payload?.input?.chaincode_spec;
        const fn = spec?.input?.args?.[0] ? Buffer.from(spec.input.args[0] as string, 'base64').toString('utf8') : '?';
        txs.push({ channel, block: n, what: `${spec?.chaincode_id?.name ?? '?'}.${fn}` });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return txs;
}
