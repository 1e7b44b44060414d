import { parseDeployChaincodePayload, parseProposalPayload } from '../../src';

const SHA = 'c0ffee'.padEnd(64, '0');
const payload = { channel: 'mychannel', name: 'basic', version: '1.0', sequence: 1, packageId: `basic_1.0:${SHA}`, sha256: SHA, label: 'basic_1.0' };
const URL = 'https://packages.example.com/basic_1.0.tar.gz';

describe('DEPLOY_CHAINCODE payloads', () => {
  test('when the payload gives the package by URL, the URL is kept with the package id, sha256 and label', () => {
    expect(parseDeployChaincodePayload({ ...payload, packageUrl: URL })).toEqual({ ...payload, packageUrl: URL });
  });

  test('when the payload gives no URL, it is read without one (the package comes from the proposer)', () => {
    expect(parseDeployChaincodePayload({ ...payload })).not.toHaveProperty('packageUrl');
  });

  test('when CreateProposal reads a DEPLOY_CHAINCODE with a URL, the URL reaches the stored payload', () => {
    expect(parseProposalPayload('DEPLOY_CHAINCODE', { ...payload, packageUrl: URL })).toMatchObject({ packageUrl: URL });
  });

  test.each([
    ['a user and password', 'https://ci:hunter2@packages.example.com/basic_1.0.tar.gz'],
    ['a fragment', `${URL}#latest`],
    ['an ftp: scheme', 'ftp://packages.example.com/basic_1.0.tar.gz'],
    ['more than 2048 characters', `https://packages.example.com/${'a'.repeat(2048)}`],
  ])('when the URL has %s, the payload is refused with INVALID_ARGUMENT at payload.packageUrl', (_what, packageUrl) => {
    expect(() => parseDeployChaincodePayload({ ...payload, packageUrl })).toThrow(/^INVALID_ARGUMENT: payload\.packageUrl /);
  });

  test('when a URL is given without the sha256 that pins its bytes, the payload is refused with INVALID_ARGUMENT', () => {
    const { sha256: _sha256, ...unpinned } = payload;
    expect(() => parseDeployChaincodePayload({ ...unpinned, packageUrl: URL })).toThrow(/^INVALID_ARGUMENT: record\.sha256/);
  });
});

describe('private data collections in DEPLOY_CHAINCODE payloads', () => {
  const collection = { name: 'assetCollection', policy: "OR('Org1MSP.member','Org2MSP.member')", requiredPeerCount: 1, maxPeerCount: 3, blockToLive: 100, memberOnlyRead: true, memberOnlyWrite: false };
  const withCollections = (...collections: unknown[]) => ({ ...payload, collections });

  test('when the collections are well formed, they are kept in order, with their endorsement policies', () => {
    const second = { ...collection, name: 'Org1MSP_private-2', policy: "OR('Org1MSP.member')", requiredPeerCount: 0, maxPeerCount: 0, blockToLive: Number.MAX_SAFE_INTEGER, endorsementPolicy: { signaturePolicy: "OR('Org1MSP.peer')" } };
    const third = { ...collection, name: '-shared', memberOnlyWrite: true, endorsementPolicy: { channelConfigPolicy: '/Channel/Application/Endorsement' } };

    expect(parseDeployChaincodePayload(withCollections(collection, second, third)).collections).toEqual([collection, second, third]);
  });

  test('when CreateProposal reads a DEPLOY_CHAINCODE with collections, they reach the stored payload', () => {
    expect(parseProposalPayload('DEPLOY_CHAINCODE', withCollections(collection))).toMatchObject({ collections: [collection] });
  });

  test.each([
    ['an empty list', [], /^INVALID_ARGUMENT: payload\.collections must have 1 to 32 collections/],
    ['33 collections', Array.from({ length: 33 }, (_, i) => ({ ...collection, name: `c${i}` })), /^INVALID_ARGUMENT: payload\.collections must be an array of at most 32/],
    ['not a list', { assetCollection: collection }, /^INVALID_ARGUMENT: payload\.collections must be an array/],
    ['a second collection of the same name', [collection, { ...collection }], /^INVALID_ARGUMENT: payload\.collections\[1\]\.name assetCollection is already the name of payload\.collections\[0\]/],
    ['a name starting with _ (Fabric keeps those for implicit collections)', [{ ...collection, name: '_implicit_org_Org1MSP' }], /^INVALID_ARGUMENT: payload\.collections\[0\]\.name /],
    ['a name with a dot', [{ ...collection, name: 'asset.collection' }], /^INVALID_ARGUMENT: payload\.collections\[0\]\.name /],
    ['an empty name', [{ ...collection, name: '' }], /^INVALID_ARGUMENT: payload\.collections\[0\]\.name /],
    ['a name of 129 characters', [{ ...collection, name: 'a'.repeat(129) }], /^INVALID_ARGUMENT: payload\.collections\[0\]\.name /],
    ['a malformed member policy', [{ ...collection, policy: "OR('Org1MSP.member'" }], /^INVALID_ARGUMENT: payload\.collections\[0\]\.policy: /],
    ['a member policy that is not an OR (Fabric refuses it)', [{ ...collection, policy: "AND('Org1MSP.member','Org2MSP.member')" }], /^INVALID_ARGUMENT: payload\.collections\[0\]\.policy must be an OR/],
    ['an OR nesting an OutOf(2, …)', [{ ...collection, policy: "OR('Org1MSP.member', OutOf(2, 'Org2MSP.member', 'Org3MSP.member'))" }], /^INVALID_ARGUMENT: payload\.collections\[0\]\.policy must be an OR/],
    ['no member policy', [{ ...collection, policy: undefined }], /^INVALID_ARGUMENT: payload\.collections\[0\]\.policy /],
    ['maxPeerCount below requiredPeerCount', [{ ...collection, requiredPeerCount: 2, maxPeerCount: 1 }], /^INVALID_ARGUMENT: payload\.collections\[0\]\.maxPeerCount \(1\) must be at least requiredPeerCount \(2\)/],
    ['a negative requiredPeerCount', [{ ...collection, requiredPeerCount: -1 }], /^INVALID_ARGUMENT: payload\.collections\[0\]\.requiredPeerCount /],
    ['a fractional maxPeerCount', [{ ...collection, maxPeerCount: 1.5 }], /^INVALID_ARGUMENT: payload\.collections\[0\]\.maxPeerCount /],
    ['a maxPeerCount beyond int32', [{ ...collection, maxPeerCount: 2 ** 31 }], /^INVALID_ARGUMENT: payload\.collections\[0\]\.maxPeerCount /],
    ['a blockToLive beyond what JSON carries exactly', [{ ...collection, blockToLive: Number.MAX_SAFE_INTEGER + 1 }], /^INVALID_ARGUMENT: payload\.collections\[0\]\.blockToLive /],
    ['a blockToLive given as a string', [{ ...collection, blockToLive: '100' }], /^INVALID_ARGUMENT: payload\.collections\[0\]\.blockToLive /],
    ['a missing blockToLive', [{ ...collection, blockToLive: undefined }], /^INVALID_ARGUMENT: payload\.collections\[0\]\.blockToLive /],
    ['memberOnlyRead as a string', [{ ...collection, memberOnlyRead: 'true' }], /^INVALID_ARGUMENT: payload\.collections\[0\]\.memberOnlyRead must be a boolean/],
    ['a missing memberOnlyWrite', [{ ...collection, memberOnlyWrite: undefined }], /^INVALID_ARGUMENT: payload\.collections\[0\]\.memberOnlyWrite must be a boolean/],
    ['an endorsement policy of both kinds', [{ ...collection, endorsementPolicy: { signaturePolicy: "OR('Org1MSP.peer')", channelConfigPolicy: '/Channel/Application/Endorsement' } }], /^INVALID_ARGUMENT: payload\.collections\[0\]\.endorsementPolicy must have exactly one/],
    ['a malformed endorsement policy', [{ ...collection, endorsementPolicy: { signaturePolicy: "OR('Org1MSP.king')" } }], /^INVALID_ARGUMENT: payload\.collections\[0\]\.endorsementPolicy\.signaturePolicy: /],
    ['an unknown field', [{ ...collection, memberOrgsPolicy: 'x' }], /^INVALID_ARGUMENT: payload\.collections\[0\] has unknown field\(s\): memberOrgsPolicy/],
    ['a collection that is not an object', ['assetCollection'], /^INVALID_ARGUMENT: payload\.collections\[0\] must be an object/],
  ])('when the collections have %s, the payload is refused with INVALID_ARGUMENT at that field', (_what, collections, message) => {
    expect(() => parseDeployChaincodePayload({ ...payload, collections })).toThrow(message);
  });

  test('when the second of two collections is bad, the error names payload.collections[1]', () => {
    expect(() => parseDeployChaincodePayload(withCollections(collection, { ...collection, name: 'other', blockToLive: -1 }))).toThrow(/^INVALID_ARGUMENT: payload\.collections\[1\]\.blockToLive /);
  });

  test("when a name ends in a bad character, it is refused at once: Fabric's regex, taken literally, backtracks for seconds", () => {
    const started = process.hrtime.bigint();

    // 27 characters: seconds with Fabric's nested repetition in a JS engine, doubling with every two more
    expect(() => parseDeployChaincodePayload(withCollections({ ...collection, name: `${'a-'.repeat(13)}!` }))).toThrow(/^INVALID_ARGUMENT: payload\.collections\[0\]\.name /);

    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(500);
  });
});
