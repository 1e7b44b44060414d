import { createVerify } from 'node:crypto';
import { joinRequestDigest, proofMessage, signJoinRequest } from '../../src/msp';
import { makeJoinRequestBody, makeTestOrg, type TestOrg } from '../support';
import { NOW } from './validation-fixtures';

describe('join request digest and proof of possession', () => {
  let org: TestOrg;
  beforeAll(async () => {
    org = await makeTestOrg('Org3MSP', { now: NOW });
  });

  it('when the proof is attached, the digest is the digest of the unsigned body', () => {
    const body = makeJoinRequestBody(org);
    const signed = signJoinRequest(body, org.adminCertPem, org.adminKey);
    expect(joinRequestDigest(signed)).toBe(joinRequestDigest(body));
  });

  it('when keys are in another order, the digest is the same', () => {
    const body = makeJoinRequestBody(org);
    const reordered = JSON.parse(JSON.stringify({ metadata: body.metadata, channels: body.channels, nodes: body.nodes, msp: body.msp, mspId: body.mspId, format: body.format }));
    expect(joinRequestDigest(reordered)).toBe(joinRequestDigest(body));
  });

  it('when any body field changes, the digest changes', () => {
    const body = makeJoinRequestBody(org);
    expect(joinRequestDigest({ ...body, channels: ['ops-channel', 'extra'] })).not.toBe(joinRequestDigest(body));
  });

  it('the digest is sha256 hex', () => {
    expect(joinRequestDigest(makeJoinRequestBody(org))).toMatch(/^[0-9a-f]{64}$/);
  });

  it('the proof message is the domain-separated digest', () => {
    expect(proofMessage('ab12').toString('utf8')).toBe('opssc.join-request.v1:ab12');
  });

  it('signJoinRequest signs the proof message with the admin key, verifiable with the admin certificate', () => {
    const signed = signJoinRequest(makeJoinRequestBody(org), org.adminCertPem, org.adminKey);
    const verifier = createVerify('sha256').update(proofMessage(joinRequestDigest(signed)));
    expect(verifier.verify(org.adminCertPem, Buffer.from(signed.proof.signature, 'base64'))).toBe(true);
    expect(signed.proof.signerCert).toBe(org.adminCertPem);
  });
});
