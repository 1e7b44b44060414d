import type { KeyObject } from 'node:crypto';
import { signJoinRequest } from '../../src/msp/sign-join-request';
import type { JoinRequest, JoinRequestBody } from '../../src/msp/types';
import type { TestOrg } from './cert-tree';

/** Overrides for {@link makeSignedJoinRequest}: any body field, and who signs. */
export type JoinRequestOverrides = Partial<Omit<JoinRequestBody, 'format'>> & {
  /** Sign with this identity instead of the org admin. */
  signer?: { certPem: string; key: KeyObject };
};

/** A join request body for `org`: one peer and one consenting orderer on 127.0.0.1, asking for ops-channel. */
export function makeJoinRequestBody(org: TestOrg, overrides: JoinRequestOverrides = {}): JoinRequestBody {
  const { signer: _signer, ...fields } = overrides;
  const peer = { host: '127.0.0.1', port: 11051 };
  return {
    format: 'opssc.join-request.v1',
    mspId: org.mspId,
    msp: org.msp,
    nodes: {
      peers: [peer],
      anchorPeers: [peer],
      orderers: [
        {
          host: '127.0.0.1',
          port: 11050,
          serverTlsCert: org.ordererTls.serverCertPem,
          clientTlsCert: org.ordererTls.clientCertPem,
          consenter: true,
        },
      ],
    },
    channels: ['ops-channel'],
    metadata: { organizationName: org.domain, contacts: [{ name: 'Ops Team', email: `ops@${org.domain}` }] },
    ...fields,
  };
}

/** A valid join request for `org`, signed by its admin (or by `overrides.signer`). */
export function makeSignedJoinRequest(org: TestOrg, overrides: JoinRequestOverrides = {}): JoinRequest {
  const signer = overrides.signer ?? { certPem: org.adminCertPem, key: org.adminKey };
  return signJoinRequest(makeJoinRequestBody(org, overrides), signer.certPem, signer.key);
}
