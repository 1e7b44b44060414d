import { certFingerprint, pemToDer, rootFingerprints, splitPemBundle } from '../../src/msp';
import { makeTestOrg, type TestOrg } from '../support';
import { NOW } from './validation-fixtures';

describe('PEM helpers and fingerprints', () => {
  let org: TestOrg;
  beforeAll(async () => {
    org = await makeTestOrg('Org3MSP', { now: NOW });
  });

  it('a bundle splits into its blocks in order, ignoring text between them', () => {
    const bundle = `subject=root\n${org.rootCa.certPem}\n# tls\n${org.tlsRootPem}`;
    const blocks = splitPemBundle(bundle);
    expect(blocks.map((b) => b.label)).toEqual(['CERTIFICATE', 'CERTIFICATE']);
    expect(blocks[1].der.equals(pemToDer(org.tlsRootPem))).toBe(true);
  });

  it('a field holding two certificates is refused rather than silently truncated', () => {
    expect(() => pemToDer(org.rootCa.certPem + org.tlsRootPem)).toThrow('exactly one PEM block');
  });

  it('a block whose body is not base64 is not a block', () => {
    expect(splitPemBundle('-----BEGIN CERTIFICATE-----\nnot*base64!\n-----END CERTIFICATE-----')).toEqual([]);
  });

  it('the fingerprint does not depend on line wrapping', () => {
    const rewrapped = org.rootCa.certPem.replace(/\n(?!-----)/g, '\r\n');
    expect(certFingerprint(rewrapped)).toBe(certFingerprint(org.rootCa.certPem));
    expect(certFingerprint(org.rootCa.certPem)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('rootFingerprints lists the fingerprints of the root certificates only', () => {
    expect(rootFingerprints(org.msp)).toEqual([certFingerprint(org.rootCa.certPem)]);
  });
});
