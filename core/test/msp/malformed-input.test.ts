import { LIMITS, validateJoinRequest, validateMspDefinition, type JoinRequest, type MspDefinition } from '../../src/msp';
import { makeSignedJoinRequest, makeTestOrg, type TestOrg } from '../support';
import { NOW, contextAt, detailOf, failedChecks } from './validation-fixtures';

const GARBAGE_PEM = '-----BEGIN CERTIFICATE-----\nSGVsbG8sIEkgYW0gbm90IGEgY2VydGlmaWNhdGUh\n-----END CERTIFICATE-----\n';

describe('malformed and oversized input', () => {
  let org: TestOrg;
  beforeAll(async () => {
    org = await makeTestOrg('Org3MSP', { now: NOW });
  });

  it('when a root is garbage PEM, pem-parse fails and the report still completes', async () => {
    const msp = { ...org.msp, rootCerts: [org.rootCa.certPem, GARBAGE_PEM] };
    const report = await validateJoinRequest(makeSignedJoinRequest(org, { msp }), contextAt());
    expect(failedChecks(report)).toEqual(['pem-parse']);
    expect(detailOf(report, 'pem-parse')).toContain('msp.rootCerts[1]');
  });

  it('when a certificate field is not PEM at all, pem-parse fails', async () => {
    const msp = { ...org.msp, tlsRootCerts: ['hello'] };
    const report = await validateMspDefinition(msp, contextAt());
    expect(failedChecks(report)).toContain('pem-parse');
    expect(detailOf(report, 'pem-parse')).toContain('msp.tlsRootCerts[0]: expected exactly one PEM block, found 0');
  });

  it('when the signer certificate is garbage, both proof checks fail and nothing throws', async () => {
    const signed = makeSignedJoinRequest(org);
    const report = await validateJoinRequest({ ...signed, proof: { ...signed.proof, signerCert: GARBAGE_PEM } }, contextAt());
    expect(failedChecks(report)).toEqual(['pem-parse', 'proof-signature', 'proof-signer-admin']);
  });

  it('when a list holds more certificates than the limit, input-size fails and no other check runs', async () => {
    const msp = { ...org.msp, intermediateCerts: Array.from({ length: LIMITS.certsPerList + 1 }, () => org.rootCa.certPem) };
    const report = await validateJoinRequest(makeSignedJoinRequest(org, { msp }), contextAt());
    expect(detailOf(report, 'input-size')).toContain(`msp.intermediateCerts has ${LIMITS.certsPerList + 1} entries (max ${LIMITS.certsPerList})`);
    expect(detailOf(report, 'pem-parse')).toBe('not run: input-size failed');
    expect(report.ok).toBe(false);
  });

  it('when a PEM is absurdly long, input-size fails', async () => {
    const msp = { ...org.msp, admins: ['A'.repeat(LIMITS.certPemChars + 1)] };
    const report = await validateMspDefinition(msp, contextAt());
    expect(failedChecks(report)[0]).toBe('input-size');
  });

  it('when the MSP has the wrong shape, msp-structure fails and every other check is reported as not run', async () => {
    const msp = { ...org.msp, rootCerts: 'one root' } as unknown as MspDefinition;
    const report = await validateMspDefinition(msp, contextAt());
    expect(detailOf(report, 'msp-structure')).toBe('msp.rootCerts is not an array of strings');
    expect(report.checks.filter((c) => c.ok)).toEqual([]);
  });

  it('when the request is null, request-structure fails without throwing', async () => {
    const report = await validateJoinRequest(null as unknown as JoinRequest, contextAt());
    expect(failedChecks(report).slice(0, 2)).toEqual(['request-structure', 'msp-structure']);
    expect(report.ok).toBe(false);
  });

  it('when the proof is missing, request-structure fails', async () => {
    const { proof: _proof, ...unsigned } = makeSignedJoinRequest(org);
    const report = await validateJoinRequest(unsigned as JoinRequest, contextAt());
    expect(detailOf(report, 'request-structure')).toContain('proof needs a signerCert and a signature');
  });

  it('when the request and its MSP name different MSP IDs, request-structure fails', async () => {
    const report = await validateJoinRequest(makeSignedJoinRequest(org, { mspId: 'Org1MSP' }), contextAt());
    expect(detailOf(report, 'request-structure')).toBe('mspId differs from msp.mspId');
  });

  it('when there are no roots, msp-structure fails', async () => {
    const report = await validateMspDefinition({ ...org.msp, rootCerts: [] }, contextAt());
    expect(failedChecks(report)[0]).toBe('msp-structure');
    expect(detailOf(report, 'msp-structure')).toBe('msp.rootCerts is empty');
  });
});
