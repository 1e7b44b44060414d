import { createPrivateKey } from 'node:crypto';
import { JoinRequest, JoinRequestBody, signJoinRequest } from '@opssc/core';
import { foundingMember } from './founding-member';
import { readIdentity } from './gateway-connection';
import { OrgHandle } from './network-state';

/**
 * The join request an org of the local network would send about itself: its MSP, its peer and its orderer
 * (as a Raft consenter), the channels it asks for, signed with its own admin key as proof of possession.
 */
export function signedJoinRequest(org: OrgHandle, channels: string[]): JoinRequest {
  const { msp, nodes, metadata } = foundingMember(org);
  const body: JoinRequestBody = { format: 'opssc.join-request.v1', mspId: org.state.mspId, msp, nodes, channels, metadata };
  const admin = readIdentity({ mspId: org.state.mspId, mspDir: org.layout.adminMsp });
  return signJoinRequest(body, admin.certificate.toString('utf8'), createPrivateKey(admin.privateKeyPem));
}
