#!/usr/bin/env node
import { resolve } from 'node:path';
import { bootstrapConsortium, withConsortiumContract } from '../consortium';
import { down, up } from '../network';
import { orgHandle } from '../network-state';
import { memberApi } from '../api-client';
import { startApiServer } from '../api-server-process';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function report(title: string, times: number[]): void {
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`${title}:`);
  console.log(`  p50 ${percentile(sorted, 50).toFixed(0)} ms, p95 ${percentile(sorted, 95).toFixed(0)} ms, min ${sorted[0].toFixed(0)} ms, max ${sorted[sorted.length - 1].toFixed(0)} ms`);
}

/**
 * `npm run bench:vote`: on a real 2-org network, times CastVote from submit to commit status (endorsed by both
 * orgs' peers, ordered by Raft, validated and committed), and prints p50 and p95. Prints figures; asserts nothing.
 */
async function main(): Promise<void> {
  const runDir = resolve(__dirname, '..', '..', '..', '.run', 'bench-vote');
  const samples = Number(process.env.BENCH_VOTES ?? 40);
  await down(runDir);
  const state = await up({ orgs: 2, basePort: 22050, runDir, channels: [], log: () => undefined });
  try {
    await bootstrapConsortium(state, ['Org1MSP', 'Org2MSP']);
    const org1 = orgHandle(state, 'Org1MSP');
    const org2 = orgHandle(state, 'Org2MSP');
    const ids: string[] = [];
    await withConsortiumContract(org1, 'admin', async (contract) => {
      for (let i = 0; i < samples; i++) {
        const created = JSON.parse(Buffer.from(await contract.submitTransaction('CreateProposal', 'SET_VOTING_POLICY', JSON.stringify({ policy: { rule: 'ALL' } }), '3600')).toString()) as { id: string };
        ids.push(created.id);
      }
    });
    const times: number[] = [];
    await withConsortiumContract(org2, 'admin', async (contract) => {
      for (const id of ids) {
        const started = process.hrtime.bigint();
        const submitted = await contract.submitAsync('CastVote', { arguments: [id, 'reject', 'benchmark'] });
        const status = await submitted.getStatus();
        if (!status.successful) throw new Error(`vote on ${id} failed: ${status.code}`);
        times.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
    });
    report(`CastVote submit -> commit through fabric-gateway on a real 2-org network (BatchTimeout 200 ms), ${samples} sequential votes`, times);

    // The same through Org1's api-server: POST .../votes submits the vote, waits for its commit, then tallies.
    const server = await startApiServer(org1);
    const api = memberApi('Org1MSP', server.url, server.adminKey);
    const viaApi: number[] = [];
    for (const id of ids) {
      const started = process.hrtime.bigint();
      await api.call('POST', `/api/v1/proposals/${id}/votes`, { decision: 'reject', reason: 'benchmark' });
      viaApi.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    report(`POST /api/v1/proposals/:id/votes through Org1's api-server (vote committed, then tally committed), ${samples} sequential votes`, viaApi);
  } finally {
    await down(runDir);
  }
}

main().catch((err: Error) => {
  console.error(`error: ${err.message}`);
  process.exit(1);
});
