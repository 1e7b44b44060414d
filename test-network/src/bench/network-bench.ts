#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { down, up } from '../network';
import { recordedDaemons } from '../process-supervisor';
import { pidDir } from '../run-layout';

/** Resident memory of one process, from /proc (kB -> MiB). */
function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(line?.split(/\s+/)[1] ?? 0) / 1024;
}

/**
 * `npm run bench:network`: times `network:up` with 2 orgs (warm binary cache) over a few runs and reads the idle
 * resident memory of one peer and one orderer. Prints figures; asserts nothing.
 */
async function main(): Promise<void> {
  const runDir = resolve(__dirname, '..', '..', '..', '.run', 'bench-network');
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    await down(runDir);
    const started = Date.now();
    await up({ orgs: 2, basePort: 21050, runDir, log: () => undefined });
    times.push((Date.now() - started) / 1000);
    if (i < runs - 1) await down(runDir);
  }
  await new Promise((r) => setTimeout(r, 15_000)); // let the nodes settle to idle
  const pids = recordedDaemons(pidDir(runDir));
  const peer = rssMiB(pids.get('peer0.org1') ?? 0);
  const orderer = rssMiB(pids.get('orderer0.org1') ?? 0);
  const ca = rssMiB(pids.get('ca.org1') ?? 0);
  await down(runDir);
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`network:up, 2 orgs, warm cache: ${times.map((t) => t.toFixed(1)).join(' s, ')} s (median ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} s)`);
  console.log(`idle RSS after 15 s: peer ${peer.toFixed(0)} MiB, orderer ${orderer.toFixed(0)} MiB, CA ${ca.toFixed(0)} MiB`);
}

main().catch((err: Error) => {
  console.error(`error: ${err.message}`);
  process.exit(1);
});
