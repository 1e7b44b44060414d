import { checkFrom } from '../check-result';
import { LIMITS } from '../limits';
import type { JoinRequest, MspDefinition, ValidationCheck } from '../types';

const CERT_LISTS = ['rootCerts', 'intermediateCerts', 'tlsRootCerts', 'tlsIntermediateCerts', 'admins'] as const;

function listProblems(field: string, list: string[], maxItems: number, maxChars: number): string[] {
  const problems: string[] = [];
  if (list.length > maxItems) problems.push(`${field} has ${list.length} entries (max ${maxItems})`);
  // Only the first entries are measured: the count problem already fails the check.
  list.slice(0, maxItems).forEach((pem, i) => {
    if (pem.length > maxChars) problems.push(`${field}[${i}] is ${pem.length} characters (max ${maxChars})`);
  });
  return problems;
}

/**
 * `input-size`: every list and string is within {@link LIMITS}. Runs before any parsing so that a
 * request with absurd sizes costs the endorsing peers nothing more than this count.
 * Expects shapes already checked by the structure checks.
 */
export function checkInputSize(msp: MspDefinition, req?: JoinRequest): ValidationCheck {
  const problems: string[] = [];
  for (const list of CERT_LISTS) {
    problems.push(...listProblems(`msp.${list}`, msp[list], LIMITS.certsPerList, LIMITS.certPemChars));
  }
  problems.push(...listProblems('msp.revocationList', msp.revocationList, LIMITS.crls, LIMITS.crlPemChars));
  if (req) {
    const { peers, anchorPeers, orderers } = req.nodes;
    for (const [field, list] of [['peers', peers], ['anchorPeers', anchorPeers], ['orderers', orderers]] as const) {
      if (list.length > LIMITS.nodesPerList) problems.push(`nodes.${field} has ${list.length} entries (max ${LIMITS.nodesPerList})`);
    }
    const tlsPems = orderers.slice(0, LIMITS.nodesPerList).flatMap((o) => [o.serverTlsCert, o.clientTlsCert]);
    problems.push(...listProblems('nodes.orderers TLS certificates', tlsPems, 2 * LIMITS.nodesPerList, LIMITS.certPemChars));
    if (req.channels.length > LIMITS.channels) problems.push(`channels has ${req.channels.length} entries (max ${LIMITS.channels})`);
    if (req.proof.signerCert.length > LIMITS.certPemChars) problems.push(`proof.signerCert exceeds ${LIMITS.certPemChars} characters`);
    if (req.proof.signature.length > LIMITS.signatureChars) problems.push(`proof.signature exceeds ${LIMITS.signatureChars} characters`);
  }
  return checkFrom('input-size', problems);
}
