import { signJoinRequest, type JoinRequest, type JoinRequestBody } from '@opssc/core';
import { createOrgPki, type TestOrgPki } from './test-pki';

/** The unsigned request body of an org, built from its PKI. */
export function joinRequestBody(mspId: string, pki: TestOrgPki): JoinRequestBody {
  return {
    format: 'opssc.join-request.v1',
    mspId,
    msp: {
      mspId,
      rootCerts: [pki.ca.certPem],
      intermediateCerts: [],
      tlsRootCerts: [pki.tlsCa.certPem],
      tlsIntermediateCerts: [],
      admins: [],
      nodeOUs: { enable: true, clientOUIdentifier: 'client', peerOUIdentifier: 'peer', adminOUIdentifier: 'admin', ordererOUIdentifier: 'orderer' },
      revocationList: [],
    },
    nodes: {
      peers: [{ host: 'peer0.org3.example.com', port: 9051 }],
      anchorPeers: [{ host: 'peer0.org3.example.com', port: 9051 }],
      orderers: [],
    },
    channels: ['ops-channel'],
    metadata: { organizationName: 'Org3', contacts: [{ name: 'Ops', email: 'ops@org3.example.com' }] },
  };
}

/** A join request signed with the org's admin key (real ECDSA over the canonical digest). */
export function signedJoinRequest(mspId: string, pki: TestOrgPki): JoinRequest {
  return signJoinRequest(joinRequestBody(mspId, pki), pki.admin.certPem, pki.admin.privateKey);
}

let cached: Promise<TestOrgPki> | undefined;

/** Org3's PKI, generated once per test file. */
export function org3Pki(): Promise<TestOrgPki> {
  cached ??= createOrgPki('org3.example.com');
  return cached;
}
