import { validateJoinRequest } from '../../src/msp';
import { makeSignedJoinRequest, makeTestOrg } from '../support';
import { DAY_MS, NOW, contextAt, detailOf, failedChecks } from './validation-fixtures';

const at = (days: number) => new Date(NOW.getTime() + days * DAY_MS);

describe('validity windows against the transaction timestamp', () => {
  it('when the admin certificate has expired, validity-window fails', async () => {
    const org = await makeTestOrg('Org3MSP', { now: NOW, adminValidity: { notBefore: at(-400), notAfter: at(-1) } });
    const report = await validateJoinRequest(makeSignedJoinRequest(org), contextAt());
    expect(failedChecks(report)).toEqual(['validity-window', 'remaining-lifetime']);
    expect(detailOf(report, 'validity-window')).toContain('proof.signerCert: expired');
  });

  it('when the admin certificate is not yet valid, validity-window fails', async () => {
    const org = await makeTestOrg('Org3MSP', { now: NOW, adminValidity: { notBefore: at(1), notAfter: at(365) } });
    const report = await validateJoinRequest(makeSignedJoinRequest(org), contextAt());
    expect(failedChecks(report)).toEqual(['validity-window']);
    expect(detailOf(report, 'validity-window')).toContain('proof.signerCert: not valid before');
  });

  it('when a CA expires sooner than the minimum remaining lifetime, remaining-lifetime fails', async () => {
    const org = await makeTestOrg('Org3MSP', { now: NOW, caValidity: { notBefore: at(-10), notAfter: at(10) } });
    const report = await validateJoinRequest(makeSignedJoinRequest(org), contextAt());
    expect(failedChecks(report)).toEqual(['remaining-lifetime']);
    expect(detailOf(report, 'remaining-lifetime')).toContain('msp.rootCerts[0]');
  });

  it('when the transaction time is past the certificates, the request fails although it was valid before', async () => {
    const org = await makeTestOrg('Org3MSP', { now: NOW });
    const req = makeSignedJoinRequest(org);
    const report = await validateJoinRequest(req, contextAt(at(400)));
    expect(failedChecks(report)).toContain('validity-window');
  });
});
