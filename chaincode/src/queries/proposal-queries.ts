import {
  assertProposalId,
  canonicalJson,
  compositeKey,
  evaluateProposal,
  GOVERNANCE_LIMITS,
  Keys,
  OpsError,
  parseJsonArgument,
  parseProposalFilter,
  summarizeProposal,
  taskViews,
  type KeySpec,
  type Proposal,
  type ProposalFilter,
} from '@opssc/core';
import type { Context } from 'fabric-contract-api';
import { authorize } from '../context/authorize';
import { txContext, type TxContext } from '../context/tx-context';
import { listApplyRecords } from '../ledger/apply-store';
import { listChannelJoinSteps } from '../ledger/channel-join-store';
import { listDeploymentSteps } from '../ledger/deployment-store';
import { getVotingPolicy } from '../ledger/consortium-store';
import { listHistory } from '../ledger/history-store';
import { listMembers } from '../ledger/member-store';
import { getProposal, requireProposal, type ProposalIndexEntry } from '../ledger/proposal-store';
import { pageJson } from '../ledger/state';
import { listAttestations, listVotes } from '../ledger/vote-store';

/**
 * One proposal with everything about it: votes, attestations and mismatches, apply tasks with their
 * results, signatures, history, and — while OPEN — what a tally would conclude right now.
 */
export async function getProposalQuery(ctx: Context, proposalId: string): Promise<string> {
  const tx = txContext(ctx);
  await authorize(tx, 'member-reader');
  const proposal = await requireProposal(tx, assertProposalId(proposalId));
  const votes = await listVotes(tx, proposal.id);
  const { attestations, mismatches } = await listAttestations(tx, proposal.id);
  const { tasks, results, signatures } = await listApplyRecords(tx, proposal.id);
  const history = await listHistory(tx, 'proposal', proposal.id);
  const deploymentSteps = proposal.type === 'DEPLOY_CHAINCODE' ? { deploymentSteps: await listDeploymentSteps(tx, proposal.id) } : {};
  const channelJoinSteps = proposal.type === 'CREATE_CHANNEL' ? { channelJoinSteps: await listChannelJoinSteps(tx, proposal.id) } : {};
  const evaluation = proposal.status === 'OPEN' ? await previewTally(tx, proposal, votes) : undefined;
  return canonicalJson({ ...proposal, votes, attestations, mismatches, tasks: taskViews(tasks, results), signatures, ...deploymentSteps, ...channelJoinSteps, history, evaluation });
}

async function previewTally(tx: TxContext, proposal: Proposal, votes: Awaited<ReturnType<typeof listVotes>>) {
  try {
    return evaluateProposal({ proposal, policy: await getVotingPolicy(tx), members: await listMembers(tx), votes, now: tx.now });
  } catch (err) {
    return { kind: 'ERROR', reason: (err as Error).message };
  }
}

/**
 * Proposal summaries, newest first, filtered by status (through the status index) and type (from the
 * index entries), `limit` at a time. The cursor is the next index key, opaque to clients. A sparse type
 * filter scans at most {@link GOVERNANCE_LIMITS.scanBudget} index entries per call, so a page may hold
 * fewer than `limit` items and still have a `nextCursor`.
 */
export async function listProposalsQuery(ctx: Context, filterJson: string): Promise<string> {
  const tx = txContext(ctx);
  await authorize(tx, 'member-reader');
  const filter = parseProposalFilter(filterJson === '' ? {} : parseJsonArgument('filter', filterJson));
  const index = filter.status ? Keys.proposalsWithStatus(filter.status) : Keys.allProposalsByTime();
  const { ids, bookmark } = await scanIndex(tx, index, filter);
  const items = [];
  for (const id of ids) {
    const proposal = await getProposal(tx, id);
    if (proposal) items.push(summarizeProposal(proposal));
  }
  return canonicalJson({ items, nextCursor: bookmark === '' ? null : Buffer.from(bookmark, 'utf8').toString('base64url') });
}

/** Index entries fetched per page when filtering by type. */
const FILTER_PAGE = 200;

/** Walks an index from the cursor, collecting up to `limit` matching ids; returns where to resume ("" at the end). */
async function scanIndex(tx: TxContext, index: KeySpec, filter: ProposalFilter): Promise<{ ids: string[]; bookmark: string }> {
  let bookmark = decodeCursor(filter, index);
  const ids: string[] = [];
  let scanned = 0;
  while (ids.length < filter.limit && scanned < GOVERNANCE_LIMITS.scanBudget) {
    // without a type filter every entry is an item, so a page is exactly what is missing; with one,
    // larger pages save round trips and the cursor becomes the first entry not consumed
    const wanted = filter.type ? Math.min(FILTER_PAGE, GOVERNANCE_LIMITS.scanBudget - scanned) : filter.limit - ids.length;
    const page = await pageJson<ProposalIndexEntry>(tx.stub, index, wanted, bookmark);
    let next = page.bookmark;
    for (let i = 0; i < page.entries.length; i++) {
      scanned++;
      if (!filter.type || page.entries[i].value.type === filter.type) ids.push(page.entries[i].value.id);
      if (ids.length === filter.limit) {
        next = i + 1 < page.entries.length ? page.entries[i + 1].key : page.bookmark;
        break;
      }
    }
    bookmark = next;
    if (bookmark === '') break;
  }
  return { ids, bookmark };
}

/** The bookmark a cursor stands for; it must point into the index being listed. */
function decodeCursor(filter: ProposalFilter, index: KeySpec): string {
  if (!filter.cursor) return '';
  const bookmark = Buffer.from(filter.cursor, 'base64url').toString('utf8');
  if (!bookmark.startsWith(compositeKey(index))) {
    throw new OpsError('INVALID_ARGUMENT', 'filter.cursor does not belong to this listing');
  }
  return bookmark;
}
