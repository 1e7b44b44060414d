import { createHash } from 'node:crypto';
import { designatedAgent, designationCandidates } from '../../src/planner/designated-agent';
import type { MemberSummary } from '../../src/planner/proposal-view';

const OPS = 'ops-channel';
const members: MemberSummary[] = [
  { mspId: 'Org2MSP', status: 'ACTIVE', channels: [OPS] },
  { mspId: 'Org1MSP', status: 'ACTIVE', channels: [OPS, 'trade'] },
  { mspId: 'Org3MSP', status: 'ACTIVE', channels: [OPS] },
  { mspId: 'Org4MSP', status: 'SUSPENDED', channels: [OPS] },
  { mspId: 'Org5MSP', status: 'APPROVED', channels: [OPS] },
];
const now = new Date('2030-01-01T00:00:00Z');
const base = { proposalId: 'p-0123456789abcdef', channel: OPS, attempt: 1, members, now, failoverMs: 60_000 };

describe('the designated agent', () => {
  it('is chosen among ACTIVE members on the channel, sorted, and never the excluded subject', () => {
    expect(designationCandidates(members, OPS)).toEqual(['Org1MSP', 'Org2MSP', 'Org3MSP']);
    expect(designationCandidates(members, 'trade')).toEqual(['Org1MSP']);
    expect(designationCandidates(members, OPS, 'Org2MSP')).toEqual(['Org1MSP', 'Org3MSP']);
    expect(designationCandidates(members, 'nobody-lists-it')).toEqual(['Org1MSP', 'Org2MSP', 'Org3MSP']);
  });

  it('is the same for every agent whatever order they list the members in', () => {
    expect(designatedAgent({ ...base, members: [...members].reverse() })).toBe(designatedAgent(base));
  });

  it('is the candidate at sha256(proposalId|channel|attempt) mod n', () => {
    const digest = BigInt(`0x${createHash('sha256').update('p-0123456789abcdef|ops-channel|1').digest('hex')}`);
    expect(designatedAgent(base)).toBe(['Org1MSP', 'Org2MSP', 'Org3MSP'][Number(digest % 3n)]);
  });

  it('spreads attempts and proposals over the candidates', () => {
    const chosen = new Set(Array.from({ length: 30 }, (_, i) => designatedAgent({ ...base, attempt: i + 1 })));
    expect(chosen).toEqual(new Set(['Org1MSP', 'Org2MSP', 'Org3MSP']));
  });

  it('moves to the next candidate each failover period the attempt stays due', () => {
    const candidates = ['Org1MSP', 'Org2MSP', 'Org3MSP'];
    const first = candidates.indexOf(designatedAgent({ ...base, dueSince: now }) as string);
    const later = (ms: number) => designatedAgent({ ...base, dueSince: now, now: new Date(now.getTime() + ms) });
    expect(later(59_999)).toBe(candidates[first]);
    expect(later(60_000)).toBe(candidates[(first + 1) % 3]);
    expect(later(120_000)).toBe(candidates[(first + 2) % 3]);
  });

  it('is nobody when no member is active', () => {
    expect(designatedAgent({ ...base, members: members.filter((m) => m.status !== 'ACTIVE') })).toBeUndefined();
  });
});
