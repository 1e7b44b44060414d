/**
 * Governance benchmark against the fake ledger: CastVote throughput with 1,000 members, and the latency
 * of ListProposals over 10,000 proposals. Transactions call the contract directly (no gRPC, no
 * endorsement signatures), and commit through the fake ledger's MVCC and phantom validation in blocks,
 * so the figures measure the chaincode's own work plus Fabric-style validation, not a network.
 *
 * Run: npx tsc -b chaincode/bench && node chaincode/bench/dist/bench/governance-bench.js
 */
import '../test/support/quiet-fabric-logs';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { ConsortiumContract } from '../src/consortium-contract';
import { FakeLedger, fakeIdentity, type FakeTx, type TestIdentity } from '../test/support/fake-ledger';

const MEMBERS = 1_000;
const PROPOSALS = 10_000;
const BLOCK = 100;
const VOTE_ROUNDS = 3;
const LIST_QUERIES = 600;

const contract = new ConsortiumContract();
const ledger = new FakeLedger();
const mspIds = Array.from({ length: MEMBERS }, (_, i) => `Org${String(i + 1).padStart(4, '0')}MSP`);
const admins: TestIdentity[] = mspIds.map((mspId) => fakeIdentity(mspId, 'admin'));
const reader = fakeIdentity(mspIds[0], 'client');
const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

type Call = (ctx: FakeTx['ctx']) => Promise<string>;

/** Endorses `calls` and commits them in blocks of {@link BLOCK}; returns how many were VALID. */
async function run(calls: [TestIdentity, Call][]): Promise<number> {
  let valid = 0;
  for (let i = 0; i < calls.length; i += BLOCK) {
    const txs: FakeTx[] = [];
    for (const [identity, call] of calls.slice(i, i + BLOCK)) {
      txs.push((await ledger.endorse(identity, call)).tx);
    }
    valid += ledger.commitBlock(txs).filter((v) => v.code === 'VALID').length;
    ledger.advance(1);
  }
  return valid;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function setUp(): Promise<void> {
  const msp = (mspId: string) => ({
    mspId,
    rootCerts: [PEM],
    intermediateCerts: [],
    tlsRootCerts: [PEM],
    tlsIntermediateCerts: [],
    admins: [],
    nodeOUs: { enable: true, clientOUIdentifier: 'client', peerOUIdentifier: 'peer', adminOUIdentifier: 'admin', ordererOUIdentifier: 'orderer' },
    revocationList: [],
  });
  const founding = { members: mspIds.map((mspId) => ({ mspId, msp: msp(mspId), metadata: {} })) };
  await run([[admins[0], (ctx) => contract.InitConsortium(ctx, JSON.stringify(founding))]]);
  // activations are serialised by the membership version: one per block, as a real network would retry them
  for (let i = 0; i < MEMBERS; i++) {
    if ((await run([[admins[i], (ctx) => contract.ActivateMember(ctx, String(i + 1))]])) !== 1) throw new Error(`activation ${i} failed`);
  }
}

async function benchVotes(): Promise<{ votesPerSecond: number; votes: number; tallyMs: number }> {
  let votes = 0;
  let elapsed = 0;
  let tallyMs = 0;
  for (let round = 0; round < VOTE_ROUNDS; round++) {
    const created = await ledger.submit(admins[round], (ctx) => contract.CreateProposal(ctx, 'SET_VOTING_POLICY', '{"policy":{"rule":"ALL"}}', ''));
    const proposalId = JSON.parse(created.result).id as string;
    const calls = admins.map((admin): [TestIdentity, Call] => [admin, (ctx) => contract.CastVote(ctx, proposalId, 'approve', 'benchmark')]);
    const start = performance.now();
    votes += await run(calls);
    elapsed += performance.now() - start;
    const tallyStart = performance.now();
    const tally = await ledger.submit(admins[0], (ctx) => contract.TallyProposal(ctx, proposalId));
    tallyMs = Math.max(tallyMs, performance.now() - tallyStart);
    if (JSON.parse(tally.result).status !== 'APPLIED') throw new Error('tally did not decide');
  }
  return { votesPerSecond: votes / (elapsed / 1000), votes, tallyMs };
}

/** 10,000 proposals: rounds of SUSPEND_ORG over every member, withdrawn between rounds (one live proposal per subject). */
async function seedProposals(): Promise<number> {
  const start = performance.now();
  const rounds = PROPOSALS / MEMBERS;
  for (let round = 0; round < rounds; round++) {
    const ids: [number, string][] = [];
    const creates = mspIds.map((subject, i): [TestIdentity, Call] => {
      const proposer = admins[(i + 1) % MEMBERS];
      return [proposer, async (ctx) => {
        const result = await contract.CreateProposal(ctx, 'SUSPEND_ORG', JSON.stringify({ mspId: subject }), '');
        ids.push([(i + 1) % MEMBERS, JSON.parse(result).id]);
        return result;
      }];
    });
    if ((await run(creates)) !== MEMBERS) throw new Error('a proposal was not created');
    if (round < rounds - 1) {
      await run(ids.map(([proposer, id]): [TestIdentity, Call] => [admins[proposer], (ctx) => contract.WithdrawProposal(ctx, id)]));
    }
  }
  return performance.now() - start;
}

async function benchList(): Promise<Record<string, { p50: number; p95: number; items: number }>> {
  const filters: [string, object][] = [
    ['newest 20', {}],
    ['status OPEN, 20', { status: 'OPEN' }],
    ['status WITHDRAWN, 100', { status: 'WITHDRAWN', limit: 100 }],
    ['type SET_VOTING_POLICY (3 of 10,003), 20', { type: 'SET_VOTING_POLICY' }],
    ['page 10 of 50 (cursor)', { limit: 50, pages: 10 }],
  ];
  const all: number[] = [];
  const out: Record<string, { p50: number; p95: number; items: number }> = {};
  for (const [name, filter] of filters) {
    const times: number[] = [];
    let items = 0;
    for (let i = 0; i < LIST_QUERIES / filters.length; i++) {
      const { pages = 1, ...query } = filter as { pages?: number };
      let cursor: string | undefined;
      for (let page = 0; page < pages; page++) {
        const start = performance.now();
        const result = JSON.parse(await ledger.evaluate(reader, (ctx) => contract.ListProposals(ctx, JSON.stringify({ ...query, ...(cursor ? { cursor } : {}) }))));
        const ms = performance.now() - start;
        cursor = result.nextCursor ?? undefined;
        items = result.items.length;
        if (page === pages - 1) times.push(ms);
      }
    }
    times.sort((a, b) => a - b);
    all.push(...times);
    out[name] = { p50: percentile(times, 50), p95: percentile(times, 95), items };
  }
  all.sort((a, b) => a - b);
  out.overall = { p50: percentile(all, 50), p95: percentile(all, 95), items: all.length };
  return out;
}

async function main(): Promise<void> {
  // the figures are CPU-bound and single-threaded: a busy machine shows up here, not as an error
  console.log(`node ${process.version}, ${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const t0 = performance.now();
  await setUp();
  console.log(`set up ${MEMBERS} active members in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const votes = await benchVotes();
  console.log(`CastVote: ${votes.votes} votes by ${MEMBERS} members in blocks of ${BLOCK}: ${votes.votesPerSecond.toFixed(0)} votes/s`);
  console.log(`TallyProposal over ${MEMBERS} votes and ${MEMBERS} members: ${votes.tallyMs.toFixed(1)} ms (slowest of ${VOTE_ROUNDS})`);

  const seedMs = await seedProposals();
  console.log(`seeded ${PROPOSALS} proposals (+${PROPOSALS - MEMBERS} withdrawals) in ${(seedMs / 1000).toFixed(1)} s; ledger holds ${ledger.size} keys`);

  const list = await benchList();
  for (const [name, r] of Object.entries(list)) {
    console.log(`ListProposals ${name.padEnd(42)} p50 ${r.p50.toFixed(2)} ms  p95 ${r.p95.toFixed(2)} ms${name === 'overall' ? ` (${r.items} queries)` : `  (${r.items} items)`}`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
