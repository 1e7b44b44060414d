import { validateJoinRequest } from '../../src/msp';
import { makeSignedJoinRequest, makeTestOrg } from '../support';
import { NOW, contextAt, detailOf, failedChecks } from './validation-fixtures';

describe('key type and size', () => {
  it('when the admin key is RSA-1024, key-algorithm fails', async () => {
    const org = await makeTestOrg('Org3MSP', { now: NOW, adminKeyAlgorithm: 'rsa-1024' });
    const report = await validateJoinRequest(makeSignedJoinRequest(org), contextAt());
    expect(failedChecks(report)).toEqual(['key-algorithm']);
    expect(detailOf(report, 'key-algorithm')).toContain('proof.signerCert: RSA-1024');
  });

  it('when the admin key is RSA-2048, the request passes and its RSA proof verifies', async () => {
    const org = await makeTestOrg('Org3MSP', { now: NOW, adminKeyAlgorithm: 'rsa-2048' });
    const report = await validateJoinRequest(makeSignedJoinRequest(org), contextAt());
    expect(failedChecks(report)).toEqual([]);
  });

  it('when the whole tree uses P-384 keys, the request passes', async () => {
    const org = await makeTestOrg('Org3MSP', { now: NOW, keyAlgorithm: 'ec-p384' });
    const report = await validateJoinRequest(makeSignedJoinRequest(org), contextAt());
    expect(failedChecks(report)).toEqual([]);
  });
});
