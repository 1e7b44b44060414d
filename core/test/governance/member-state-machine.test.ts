import { applyMemberChange, assertMemberTransition, canTransitionMember, MemberStatuses, type Member, type MemberStatus } from '../../src';

// Written out independently of MEMBER_TRANSITIONS (see proposal-state-machine.test.ts).
const ALLOWED: [MemberStatus, MemberStatus][] = [
  ['PROPOSED', 'APPROVED'],
  ['PROPOSED', 'REJECTED'],
  ['APPROVED', 'ACTIVE'],
  ['APPROVED', 'REMOVED'],
  ['ACTIVE', 'SUSPENDED'],
  ['ACTIVE', 'REMOVED'],
  ['SUSPENDED', 'ACTIVE'],
  ['SUSPENDED', 'REMOVED'],
  ['REJECTED', 'PROPOSED'],
];

const allPairs = MemberStatuses.flatMap((from) => MemberStatuses.map((to) => [from, to] as [MemberStatus, MemberStatus]));
const isAllowed = (from: MemberStatus, to: MemberStatus) => ALLOWED.some(([f, t]) => f === from && t === to);
const member = (status: MemberStatus) => ({ mspId: 'Org9MSP', status }) as Member;

describe('member state machine', () => {
  test.each(allPairs.filter(([f, t]) => isAllowed(f, t)))('when a member goes from %s to %s, it is allowed', (from, to) => {
    expect(canTransitionMember(from, to)).toBe(true);
    expect(applyMemberChange(member(from), { mspId: 'Org9MSP', status: to }, 'now', 'tx', 'why')?.status).toBe(to);
  });

  test.each(allPairs.filter(([f, t]) => !isAllowed(f, t)))('when a member goes from %s to %s, it is refused with INVALID_STATUS_TRANSITION', (from, to) => {
    expect(canTransitionMember(from, to)).toBe(false);
    expect(() => assertMemberTransition(from, to, 'Org9MSP')).toThrow(/^INVALID_STATUS_TRANSITION: Org9MSP cannot go from/);
  });

  test('when a member is REMOVED, no transition leaves it', () => {
    expect(MemberStatuses.filter((to) => canTransitionMember('REMOVED', to))).toEqual([]);
  });

  test('when a refused change is applied leniently, it is skipped instead of thrown', () => {
    expect(applyMemberChange(member('REMOVED'), { mspId: 'Org9MSP', status: 'SUSPENDED' }, 'now', 'tx', 'why', false)).toBeUndefined();
  });

  test('when a change is applied strictly and refused, it throws INVALID_STATUS_TRANSITION', () => {
    expect(() => applyMemberChange(member('REMOVED'), { mspId: 'Org9MSP', status: 'ACTIVE' }, 'now', 'tx', 'why')).toThrow(/^INVALID_STATUS_TRANSITION/);
  });
});
