import { validateJoinRequest } from '../../src/msp';
import { makeSignedJoinRequest, makeTestOrg } from '../support';
import { NOW, contextAt, detailOf, failedChecks } from './validation-fixtures';

describe('CA certificates', () => {
  it('when the root has basicConstraints CA=false, ca-basic-constraints fails', async () => {
    const org = await makeTestOrg('Org3MSP', { now: NOW, rootWithoutCaFlag: true });
    const report = await validateJoinRequest(makeSignedJoinRequest(org), contextAt());
    expect(failedChecks(report)).toEqual(['ca-basic-constraints']);
    expect(detailOf(report, 'ca-basic-constraints')).toContain('msp.rootCerts[0]: basicConstraints CA=false');
  });

  it('when the root lacks the keyCertSign usage, ca-key-usage fails', async () => {
    const org = await makeTestOrg('Org3MSP', { now: NOW, rootWithoutKeyCertSign: true });
    const report = await validateJoinRequest(makeSignedJoinRequest(org), contextAt());
    expect(failedChecks(report)).toEqual(['ca-key-usage']);
  });

  it('when the TLS root is not a CA, ca-basic-constraints fails on the TLS root', async () => {
    const org = await makeTestOrg('Org3MSP', { now: NOW, tlsRootWithoutCaFlag: true });
    const report = await validateJoinRequest(makeSignedJoinRequest(org), contextAt());
    expect(failedChecks(report)).toEqual(['ca-basic-constraints']);
    expect(detailOf(report, 'ca-basic-constraints')).toContain('msp.tlsRootCerts[0]');
  });

  it('when the intermediate is issued by a foreign root, intermediate-chain fails', async () => {
    const org = await makeTestOrg('Org3MSP', { now: NOW, foreignIntermediate: true });
    const report = await validateJoinRequest(makeSignedJoinRequest(org), contextAt());
    expect(failedChecks(report)).toContain('intermediate-chain');
    expect(detailOf(report, 'intermediate-chain')).toContain('msp.intermediateCerts[0]: does not chain');
  });

  it('when a root is not self-signed (an intermediate listed as root), root-self-signed fails', async () => {
    const org = await makeTestOrg('Org3MSP', { now: NOW, withIntermediate: true });
    const msp = { ...org.msp, rootCerts: [org.intermediateCa!.certPem], intermediateCerts: [] };
    const report = await validateJoinRequest(makeSignedJoinRequest(org, { msp }), contextAt());
    expect(failedChecks(report)).toEqual(['root-self-signed']);
  });
});
