import { validateJoinRequest } from '../../src/msp';
import { issueCert, makeSignedJoinRequest, makeTestOrg, type TestOrg } from '../support';
import { DAY_MS, NOW, contextAt, detailOf, failedChecks } from './validation-fixtures';

describe('proof of possession', () => {
  let org: TestOrg;
  beforeAll(async () => {
    org = await makeTestOrg('Org3MSP', { now: NOW });
  });

  it('when the proof is made with the client identity, proof-signer-admin fails', async () => {
    const req = makeSignedJoinRequest(org, { signer: { certPem: org.clientCertPem, key: org.clientKey } });
    const report = await validateJoinRequest(req, contextAt());
    expect(failedChecks(report)).toEqual(['proof-signer-admin']);
    expect(detailOf(report, 'proof-signer-admin')).toContain('lacks OU=admin');
  });

  it('when the proof is made by another org admin, proof-signer-admin fails', async () => {
    const other = await makeTestOrg('Org9MSP', { now: NOW });
    const req = makeSignedJoinRequest(org, { signer: { certPem: other.adminCertPem, key: other.adminKey } });
    const report = await validateJoinRequest(req, contextAt());
    expect(failedChecks(report)).toEqual(['proof-signer-admin']);
    expect(detailOf(report, 'proof-signer-admin')).toContain("does not chain to the MSP's CAs");
  });

  it('when a foreign CA issued an OU=admin certificate with the same subject, proof-signer-admin fails', async () => {
    const validity = { notBefore: new Date(NOW.getTime() - DAY_MS), notAfter: new Date(NOW.getTime() + 365 * DAY_MS) };
    const forged = await issueCert(org.foreignCa, { subject: 'C=US, ST=North Carolina, O=Hyperledger, OU=admin, CN=org3mspadmin', validity });
    const req = makeSignedJoinRequest(org, { signer: { certPem: forged.certPem, key: forged.key.privateKey } });
    const report = await validateJoinRequest(req, contextAt());
    expect(failedChecks(report)).toEqual(['proof-signer-admin']);
  });

  it('when the body is changed after signing, proof-signature fails', async () => {
    const signed = makeSignedJoinRequest(org);
    const tampered = { ...signed, channels: ['ops-channel', 'payments'] };
    const report = await validateJoinRequest(tampered, contextAt());
    expect(failedChecks(report)).toEqual(['proof-signature']);
  });

  it('when the MSP is swapped after signing, proof-signature fails', async () => {
    const signed = makeSignedJoinRequest(org);
    const tampered = { ...signed, msp: { ...signed.msp, admins: [org.adminCertPem] } };
    const report = await validateJoinRequest(tampered, contextAt());
    expect(failedChecks(report)).toEqual(['proof-signature']);
  });

  it('when the signature was made with a key other than the signer certificate, proof-signature fails', async () => {
    const req = makeSignedJoinRequest(org, { signer: { certPem: org.adminCertPem, key: org.clientKey } });
    const report = await validateJoinRequest(req, contextAt());
    expect(failedChecks(report)).toEqual(['proof-signature']);
  });

  it('when the signature is not base64, proof-signature fails without throwing', async () => {
    const signed = makeSignedJoinRequest(org);
    const report = await validateJoinRequest({ ...signed, proof: { ...signed.proof, signature: '%%%not-base64%%%' } }, contextAt());
    expect(failedChecks(report)).toEqual(['proof-signature']);
    expect(detailOf(report, 'proof-signature')).toBe('proof.signature is not base64');
  });
});
