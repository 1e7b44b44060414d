import type { ProposalView } from './proposals-api-client';

const HEADER = ['ID', 'TYPE', 'STATUS', 'PROPOSER', 'CREATED', 'VOTES'];

/** Votes as `<approvals>✔ <rejections>✘`, or `-` when unknown. */
export function formatVotes(votes: ProposalView['votes']): string {
  if (!Array.isArray(votes)) return '-';
  const count = (decision: string) => votes.filter((v) => v.decision === decision).length;
  return `${count('approve')}✔ ${count('reject')}✘`;
}

/** Proposals as an aligned table, one line per proposal under a header line. */
export function formatProposalTable(proposals: ProposalView[]): string[] {
  const rows = proposals.map((p) => [
    p.id,
    p.type,
    p.status,
    p.proposer ?? '-',
    // second precision is enough to tell proposals apart on a terminal
    p.createdAt ? `${p.createdAt.slice(0, 19)}Z` : '-',
    formatVotes(p.votes),
  ]);
  const widths = HEADER.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  return [HEADER, ...rows].map((row) => row.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd());
}
