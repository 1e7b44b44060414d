import { certFingerprint, nodeOuRole, subjectOrganizationalUnits, type MspDefinition, type NodeRole } from '@opssc/core';
import type { TxContext } from './tx-context';

/**
 * The caller's NodeOU role under its org's MSP definition: from the `OU=` values of its certificate
 * subject (as Fabric's MSP does with NodeOUs enabled), or `admin` when its certificate is one of the
 * MSP's explicit admin certificates. The peer has already verified that the certificate chains to the
 * org's CA, so the subject can be trusted.
 */
export function callerRole(tx: TxContext, msp: MspDefinition | undefined): NodeRole {
  const role = nodeOuRole(subjectOrganizationalUnits(tx.callerId), msp?.nodeOUs);
  if (role === 'admin' || !msp || msp.admins.length === 0) {
    return role;
  }
  try {
    const pem = Buffer.from(tx.ctx.clientIdentity.getIDBytes()).toString('utf8');
    const mine = certFingerprint(pem);
    return msp.admins.some((admin) => safeFingerprint(admin) === mine) ? 'admin' : role;
  } catch {
    return role;
  }
}

function safeFingerprint(pem: string): string | undefined {
  try {
    return certFingerprint(pem);
  } catch {
    return undefined;
  }
}
