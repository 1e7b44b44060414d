import { validateJoinRequest } from '../../src/msp';
import { makeCrl, makeSignedJoinRequest, makeTestOrg } from '../support';
import { NOW, contextAt, detailOf, failedChecks } from './validation-fixtures';

describe('certificate revocation lists', () => {
  it('when the CRL is signed by the MSP CA and revokes nobody in use, the CRL checks pass', async () => {
    const org = await makeTestOrg('Org3MSP', { now: NOW, crl: 'empty' });
    const report = await validateJoinRequest(makeSignedJoinRequest(org), contextAt());
    expect(failedChecks(report)).toEqual([]);
    expect(detailOf(report, 'crl-parse')).toBe('CRLs: 1');
  });

  it('when the CRL is signed by a foreign CA, crl-issuer fails', async () => {
    const org = await makeTestOrg('Org3MSP', { now: NOW, crl: 'foreign' });
    const report = await validateJoinRequest(makeSignedJoinRequest(org), contextAt());
    expect(failedChecks(report)).toEqual(['crl-issuer']);
  });

  it('when the CRL carries the MSP CA name but a foreign signature, crl-issuer fails', async () => {
    const org = await makeTestOrg('Org3MSP', { now: NOW });
    const impostor = { ...org.foreignCa, cert: org.rootCa.cert };
    const msp = { ...org.msp, revocationList: [await makeCrl(impostor, [], NOW)] };
    const report = await validateJoinRequest(makeSignedJoinRequest(org, { msp }), contextAt());
    expect(failedChecks(report)).toEqual(['crl-issuer']);
  });

  it('when the CRL revokes the admin that signed the proof, revocation fails', async () => {
    const org = await makeTestOrg('Org3MSP', { now: NOW, crl: 'revoke-admin' });
    const report = await validateJoinRequest(makeSignedJoinRequest(org), contextAt());
    expect(failedChecks(report)).toEqual(['revocation']);
    expect(detailOf(report, 'revocation')).toBe('proof.signerCert: revoked');
  });

  it('when the root revokes the intermediate, identities under it are refused', async () => {
    const org = await makeTestOrg('Org3MSP', { now: NOW, withIntermediate: true });
    const msp = { ...org.msp, revocationList: [await makeCrl(org.rootCa, [org.intermediateCa!.cert], NOW)] };
    const report = await validateJoinRequest(makeSignedJoinRequest(org, { msp }), contextAt());
    expect(failedChecks(report)).toEqual(['revocation']);
    expect(detailOf(report, 'revocation')).toContain('proof.signerCert: its CA msp.intermediateCerts[0] is revoked');
  });

  it('when a CRL is garbage or carries a certificate label, crl-parse fails', async () => {
    const org = await makeTestOrg('Org3MSP', { now: NOW });
    const msp = { ...org.msp, revocationList: ['not a crl', org.rootCa.certPem] };
    const report = await validateJoinRequest(makeSignedJoinRequest(org, { msp }), contextAt());
    expect(failedChecks(report)).toEqual(['crl-parse']);
    expect(detailOf(report, 'crl-parse')).toContain('msp.revocationList[1]: expected a PEM X509 CRL, found CERTIFICATE');
  });
});
