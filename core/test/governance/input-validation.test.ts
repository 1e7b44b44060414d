import {
  GOVERNANCE_LIMITS,
  parseCreatableProposalType,
  parseFoundingInput,
  parseJoinRequest,
  parseJsonArgument,
  parseProposalFilter,
  parseProposalPayload,
  joinRequestDigest,
  proposalIdFromTxId,
} from '../../src';
import { makeSignedJoinRequest, makeTestOrg, type TestOrg } from '../support';

let org: TestOrg;
beforeAll(async () => {
  org = await makeTestOrg('Org9MSP', { now: new Date('2030-01-01T00:00:00Z') });
});

describe('JSON arguments', () => {
  test('when an argument is larger than the limit, it is refused with PAYLOAD_TOO_LARGE before parsing', () => {
    const big = JSON.stringify({ text: 'x'.repeat(GOVERNANCE_LIMITS.argumentBytes) });
    expect(() => parseJsonArgument('payload', big)).toThrow(/^PAYLOAD_TOO_LARGE: payload is \d+ bytes/);
  });

  test('when multi-byte characters push an argument over the limit, bytes are counted, not characters', () => {
    const text = JSON.stringify('é'.repeat(GOVERNANCE_LIMITS.argumentBytes / 2));
    expect(text.length).toBeLessThan(GOVERNANCE_LIMITS.argumentBytes);
    expect(() => parseJsonArgument('reason', text)).toThrow(/^PAYLOAD_TOO_LARGE/);
  });

  test('when an argument is not JSON, it is refused with INVALID_ARGUMENT', () => {
    expect(() => parseJsonArgument('payload', '{nope')).toThrow(/^INVALID_ARGUMENT: payload is not valid JSON/);
    expect(() => parseJsonArgument('payload', '')).toThrow(/^INVALID_ARGUMENT/);
  });

  test('when JSON is nested deeper than the limit, it is refused before parsing', () => {
    expect(() => parseJsonArgument('payload', '['.repeat(100_000) + ']'.repeat(100_000))).toThrow(/^INVALID_ARGUMENT: payload is nested deeper/);
  });

  test('when brackets appear inside strings, they do not count as nesting', () => {
    expect(parseJsonArgument('payload', JSON.stringify({ a: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["' }))).toEqual({ a: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["' });
  });
});

describe('join request shape', () => {
  test('when a signed request is parsed, the result keeps the digest its sender signed', () => {
    const request = makeSignedJoinRequest(org);
    const parsed = parseJoinRequest(JSON.parse(JSON.stringify(request)));
    expect(joinRequestDigest(parsed)).toBe(joinRequestDigest(request));
  });

  test.each([
    ['an unknown field', (r: Record<string, unknown>) => ({ ...r, extra: 1 }), /unknown field/],
    ['a wrong format', (r: Record<string, unknown>) => ({ ...r, format: 'v0' }), /format/],
    ['a bad channel name', (r: Record<string, unknown>) => ({ ...r, channels: ['Ops_Channel'] }), /channel name/],
    ['an MSP for another MSP ID', (r: Record<string, unknown>) => ({ ...r, msp: { ...(r.msp as object), mspId: 'Org8MSP' } }), /request\.msp\.mspId must be Org9MSP/],
    ['no proof', (r: Record<string, unknown>) => ({ ...r, proof: undefined }), /request\.proof must be an object/],
  ])('when the request has %s, it is refused with INVALID_ARGUMENT', (_what, mutate, message) => {
    const request = mutate(JSON.parse(JSON.stringify(makeSignedJoinRequest(org))));
    expect(() => parseJoinRequest(request)).toThrow(/^INVALID_ARGUMENT/);
    expect(() => parseJoinRequest(request)).toThrow(message);
  });
});

describe('proposal payloads', () => {
  test('when ADD_ORG is asked of CreateProposal, it is refused: join requests come with an invitation', () => {
    expect(() => parseCreatableProposalType('ADD_ORG')).toThrow(/^INVALID_ARGUMENT: type must be one of .*ADD_ORG comes from SubmitJoinRequest/);
  });

  test.each([
    ['SUSPEND_ORG', { mspId: 'Org2MSP', description: 'late patches' }],
    ['REINSTATE_ORG', { mspId: 'Org2MSP' }],
    ['REMOVE_ORG', { mspId: 'Org2MSP', channels: ['ops-channel'] }],
    ['SET_VOTING_POLICY', { policy: { rule: 'ALL' } }],
  ] as const)('when a %s payload is well formed, it is accepted', (type, payload) => {
    expect(parseProposalPayload(type, payload)).toMatchObject(type === 'SET_VOTING_POLICY' ? { policy: { rule: 'ALL', vetoMspIds: [] } } : payload);
  });

  test('when an UPDATE_ORG_MSP payload carries a well-formed MSP for its org, it is accepted', () => {
    expect(parseProposalPayload('UPDATE_ORG_MSP', { mspId: 'Org9MSP', msp: org.msp })).toEqual({ mspId: 'Org9MSP', msp: org.msp });
  });

  test.each([
    ['SUSPEND_ORG', { mspId: 'bad id!' }, /mspId must match/],
    ['SUSPEND_ORG', { mspId: 'Org2MSP', channels: ['ops-channel'] }, /unknown field/],
    ['REMOVE_ORG', { mspId: 'Org2MSP', channels: 'ops-channel' }, /channels must be an array/],
    ['SET_VOTING_POLICY', {}, /payload\.policy must be an object/],
    ['UPDATE_ORG_MSP', { mspId: 'Org9MSP', msp: { mspId: 'Org9MSP' } }, /rootCerts/],
  ] as const)('when a %s payload is %j, it is refused with INVALID_ARGUMENT', (type, payload, message) => {
    expect(() => parseProposalPayload(type, payload)).toThrow(/^INVALID_ARGUMENT/);
    expect(() => parseProposalPayload(type, payload)).toThrow(message);
  });
});

describe('founding input', () => {
  const founding = (members: unknown[], extra: object = {}) => ({ members, ...extra });
  const founder = (mspId: string) => ({ mspId, msp: { ...org.msp, mspId }, metadata: {} });

  test('when founders are listed without channels, they are in the ops channel and the policy is MAJORITY', () => {
    const input = parseFoundingInput(founding([founder('Org1MSP')]), 'ops-channel');
    expect(input.members[0].channels).toEqual(['ops-channel']);
    expect(input.votingPolicy).toEqual({ rule: 'MAJORITY', vetoMspIds: [] });
  });

  test('when a founding THRESHOLD needs more approvals than there are founders, it is refused with POLICY_UNSATISFIABLE', () => {
    const input = founding([founder('Org1MSP'), founder('Org2MSP')], { votingPolicy: { rule: 'THRESHOLD', threshold: 3 } });
    expect(() => parseFoundingInput(input, 'ops-channel')).toThrow(/^POLICY_UNSATISFIABLE/);
  });

  test('when a founder is listed twice, it is refused with INVALID_ARGUMENT', () => {
    expect(() => parseFoundingInput(founding([founder('Org1MSP'), founder('Org1MSP')]), 'ops-channel')).toThrow(/^INVALID_ARGUMENT: founding.members has a duplicate/);
  });
});

describe('list filters and ids', () => {
  test('when the filter is empty, the first page of 20 is asked for', () => {
    expect(parseProposalFilter({})).toEqual({ limit: 20 });
  });

  test.each([{ status: 'DONE' }, { type: 'ADD' }, { limit: 0 }, { limit: 101 }, { cursor: 'not a cursor!' }])('when the filter is %j, it is refused with INVALID_ARGUMENT', (filter) => {
    expect(() => parseProposalFilter(filter)).toThrow(/^INVALID_ARGUMENT/);
  });

  test('when a proposal id is derived from a tx id, it is p- and its first 16 hex characters', () => {
    expect(proposalIdFromTxId('0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef')).toBe('p-0123456789abcdef');
  });
});
