#!/usr/bin/env node
import { join } from 'node:path';
import { memberApi } from '../api-client';
import { APP_CHAINCODE, APP_CHANNEL, startConsortium } from '../consortium-setup';
import { CONSORTIUM_CHAINCODE, withConsortiumContract } from '../consortium';
import { joinNewOrg } from '../join-walkthrough';
import { down, OPS_CHANNEL } from '../network';
import { NetworkState, orgHandle } from '../network-state';
import { queryCommitted } from '../chaincode-lifecycle';
import { ledgerHeight } from '../peer-cli';
import { artifactsDir, repoRoot } from '../run-layout';
import { MANUAL_PHASES, manualJoin } from './manual/manual-join';
import { bootstrapSteps, committedTimes, OrderedTx, orderedTransactions } from './manual/project-figures';
import { median, Stopwatch } from './manual/stopwatch';

const CHANNELS = [OPS_CHANNEL, APP_CHANNEL];
const PROJECT_RUN = join(repoRoot, '.run', 'bench-onboarding');
const MANUAL_RUN = join(repoRoot, '.run', 'bench-onboarding-manual');
const progress = (line: string) => console.error(line);

interface ProjectFigures {
  /** Phase label → seconds, in order. */
  phases: [string, number][];
  total: number;
  /** Every transaction ordered on either channel while Org3 joined, read from the blocks. */
  ordered: OrderedTx[];
  latencies: number[];
}

async function heights(state: NetworkState): Promise<Record<string, number>> {
  const org1 = orgHandle(state, 'Org1MSP');
  const out: Record<string, number> = {};
  for (const channel of CHANNELS) out[channel] = await ledgerHeight(org1, channel);
  return out;
}

/** Submit-to-commit of a trivial consortium_ops transaction on ops-channel, as Org1's admin, `n` times in a row. */
async function blockLatency(state: NetworkState, n: number): Promise<number[]> {
  const times: number[] = [];
  await withConsortiumContract(orgHandle(state, 'Org1MSP'), 'admin', async (contract) => {
    for (let i = 0; i < n; i++) {
      const started = process.hrtime.bigint();
      const submitted = await contract.submitAsync('CreateProposal', { arguments: ['SET_VOTING_POLICY', JSON.stringify({ policy: { rule: 'ALL' } }), '3600'] });
      const status = await submitted.getStatus();
      if (!status.successful) throw new Error(`latency probe ${i} failed: ${status.code}`);
      times.push(Number(process.hrtime.bigint() - started) / 1e9);
    }
  });
  return times;
}

/** 1. The project's way: joinNewOrg, with the config-committed phase split per channel and bootstrap split from activation. */
async function projectRun(): Promise<ProjectFigures> {
  progress('== project: starting a 2-org consortium (base port 21050)');
  const { state, servers } = await startConsortium({ runDir: PROJECT_RUN, basePort: 21050, orgs: 2, log: (l) => progress(`   ${l}`) });
  const members = servers.map((s) => memberApi(s.mspId, s.url, s.adminKey));
  const before = await heights(state);
  const ends: Record<string, number> = {};
  const raw: [string, number][] = [];
  const started = Date.now();
  progress('== project: Org3 joins (joinNewOrg)');
  const { proposalId } = await joinNewOrg({
    state, name: 'Org3', members, channels: CHANNELS, log: () => undefined,
    phaseDone: (phase, seconds) => {
      raw.push([phase, seconds]);
      ends[phase] = Date.now();
      progress(`   ${phase}: ${seconds.toFixed(1)} s`);
    },
  });
  const total = (Date.now() - started) / 1000;
  const after = await heights(state);
  const proposal = await members[0].call('GET', `/api/v1/proposals/${proposalId}`);
  const member = await members[0].call('GET', '/api/v1/members/Org3MSP');

  const phases: [string, number][] = [];
  for (const [phase, seconds] of raw) {
    if (phase === 'approved to config committed') {
      let from = ends['first vote to approved'];
      const commits = committedTimes(proposal);
      for (const { channel, at } of commits) {
        phases.push([`  config committed: ${channel}`, (at - from) / 1000]);
        from = at;
      }
      if (commits.length) phases.push(['  result seen APPLIED by the API', (ends[phase] - from) / 1000]);
      phases.push([phase, seconds]);
    } else if (phase === 'bootstrap and activation') {
      const steps = bootstrapSteps(PROJECT_RUN, 'Org3');
      const activate = steps.find((s) => s.step === 'activate');
      const lastBefore = activate && [...steps].reverse().find((s) => s.at <= activate.at && s.step !== 'activate');
      if (activate && lastBefore) {
        const bootstrap = (lastBefore.at - ends['approved to config committed']) / 1000;
        phases.push(['bootstrap', bootstrap]);
        phases.push(['activation', seconds - bootstrap]);
      } else {
        phases.push([phase, seconds]);
      }
    } else {
      phases.push([phase, seconds]);
    }
  }

  progress('== project: block latency on ops-channel (10 trivial submits)');
  const latencies = await blockLatency(state, 10);
  progress('== project: reading the blocks ordered during the join');
  const ordered: OrderedTx[] = [];
  for (const channel of CHANNELS) ordered.push(...(await orderedTransactions(orgHandle(state, 'Org1MSP'), channel, before[channel], after[channel])));
  progress(`   ${ordered.length} transactions in ${new Set(ordered.map((t) => `${t.channel}#${t.block}`)).size} blocks; Org3 member status ${member.status}`);
  return { phases, total, latencies, ordered };
}

/** 2. The manual way, on a second fresh network: Fabric's own CLIs, timed step by step. */
async function manualRun(): Promise<Stopwatch> {
  progress('== manual: starting a 2-org consortium (base port 21550)');
  const { state } = await startConsortium({ runDir: MANUAL_RUN, basePort: 21550, orgs: 2, log: (l) => progress(`   ${l}`) });
  const watch = new Stopwatch(progress);
  progress('== manual: Org3 is added with Fabric\'s CLIs');
  const org = await manualJoin({
    state, name: 'Org3', channels: CHANNELS, watch, log: progress,
    chaincodes: [
      { channel: OPS_CHANNEL, name: CONSORTIUM_CHAINCODE, file: join(artifactsDir(MANUAL_RUN), 'chaincode', 'consortium_ops.tar.gz') },
      { channel: APP_CHANNEL, name: APP_CHAINCODE, file: join(artifactsDir(MANUAL_RUN), `${APP_CHAINCODE}.tar.gz`) },
    ],
  });
  // not timed: check that the manual run really did the job
  const org1 = orgHandle(state, 'Org1MSP');
  for (const channel of CHANNELS) {
    const h1 = await ledgerHeight(org1, channel);
    const h3 = await ledgerHeight(org, channel);
    progress(`   check ${channel}: Org1 height ${h1}, Org3 height ${h3}`);
  }
  for (const [channel, name] of [[OPS_CHANNEL, CONSORTIUM_CHAINCODE], [APP_CHANNEL, APP_CHAINCODE]]) {
    progress(`   check ${channel} ${name} approvals: ${JSON.stringify((await queryCommitted(org, channel, name)).approvals)}`);
  }
  return watch;
}

const fmt = (s: number | undefined) => (s === undefined ? '—' : `${s.toFixed(1)} s`);
const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined || b === 0 ? '—' : `${(a / b).toFixed(1)}×`);

function report(project: ProjectFigures, watch: Stopwatch): void {
  const p = new Map(project.phases);
  const m = (phase: string) => (watch.steps.some((s) => s.phase === phase) ? watch.total(phase) : undefined);
  const manualConfig = CHANNELS.reduce((sum, c) => sum + watch.total(MANUAL_PHASES.configUpdate(c)), 0);
  const rows: [string, number | undefined, number | undefined][] = [
    ['org:new (CA + identities)', p.get('org:new'), m(MANUAL_PHASES.orgNew)],
    ['invitations', p.get('invitations'), undefined],
    ['join request to proposal', p.get('join request to proposal'), m(MANUAL_PHASES.definition)],
    ['first vote to approved', p.get('first vote to approved'), undefined],
    ...CHANNELS.map((c): [string, number | undefined, number | undefined] => [`  config committed: ${c}`, p.get(`  config committed: ${c}`), m(MANUAL_PHASES.configUpdate(c))]),
    ['  result seen APPLIED by the API', p.get('  result seen APPLIED by the API'), undefined],
    ['approved to config committed', p.get('approved to config committed'), manualConfig],
    ['bootstrap', p.get('bootstrap') ?? p.get('bootstrap and activation'), m(MANUAL_PHASES.bootstrap)],
    ['activation', p.get('activation'), undefined],
  ];
  const manualTotal = watch.total();
  console.log('\nOnboarding Org3 into a running 2-org consortium (ops-channel + mychannel), same machine, BatchTimeout 200 ms');
  console.log(`${'phase'.padEnd(36)} ${'project'.padStart(9)} ${'manual CLI'.padStart(11)} ${'ratio'.padStart(7)}`);
  for (const [phase, a, b] of rows) console.log(`${phase.padEnd(36)} ${fmt(a).padStart(9)} ${fmt(b).padStart(11)} ${ratio(a, b).padStart(7)}`);
  console.log(`${'TOTAL'.padEnd(36)} ${fmt(project.total).padStart(9)} ${fmt(manualTotal).padStart(11)} ${ratio(project.total, manualTotal).padStart(7)}`);
  console.log('(ratio = project / manual CLI; "—" = no counterpart: a human does it by e-mail and meetings, not timed here)');

  console.log('\nManual CLI steps:');
  for (const s of watch.steps) console.log(`  ${s.phase.padEnd(26)} ${s.step.padEnd(56)} ${s.seconds.toFixed(2).padStart(6)} s`);

  const latency = median(project.latencies);
  const count = project.ordered.length;
  const blocks = new Set(project.ordered.map((t) => `${t.channel}#${t.block}`)).size;
  const kinds = new Map<string, number>();
  for (const t of project.ordered) kinds.set(`${t.channel} ${t.what}`, (kinds.get(`${t.channel} ${t.what}`) ?? 0) + 1);
  console.log('\nFloor of the project\'s critical path:');
  console.log(`  ordered transactions while Org3 joined (read from the blocks of both channels): ${count} in ${blocks} blocks`);
  for (const [kind, n] of kinds) console.log(`    ${String(n).padStart(3)} × ${kind}`);
  console.log(`  block latency (trivial submit to commit on ops-channel, 10 in a row): median ${(latency * 1000).toFixed(0)} ms, min ${(Math.min(...project.latencies) * 1000).toFixed(0)} ms, max ${(Math.max(...project.latencies) * 1000).toFixed(0)} ms`);
  console.log(`  floor = ${count} transactions × ${(latency * 1000).toFixed(0)} ms = ${(count * latency).toFixed(1)} s (project total ${project.total.toFixed(1)} s is ${(project.total / (count * latency)).toFixed(1)}× the floor; counting blocks instead: ${blocks} × ${(latency * 1000).toFixed(0)} ms = ${(blocks * latency).toFixed(1)} s)`);
  console.log('\nThe manual figure is a scripted best case: no e-mails, no meetings, no waiting for the other admin to sign, no typing.');
}

/** `npm run bench:onboarding`: prints figures; asserts nothing. */
async function main(): Promise<void> {
  await down(PROJECT_RUN);
  await down(MANUAL_RUN);
  try {
    const project = await projectRun();
    // one network at a time on this machine, so the two runs do not slow each other down
    await down(PROJECT_RUN);
    const watch = await manualRun();
    await down(MANUAL_RUN);
    report(project, watch);
  } finally {
    await down(PROJECT_RUN);
    await down(MANUAL_RUN);
  }
}

main().catch((err: Error) => {
  console.error(`error: ${err.stack ?? err.message}`);
  process.exit(1);
});
