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
