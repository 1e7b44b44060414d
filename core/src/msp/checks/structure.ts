import { checkFrom } from '../check-result';
import { isRecord, isStringArray } from '../shape';
import type { ValidationCheck } from '../types';

const CERT_LISTS = ['rootCerts', 'intermediateCerts', 'tlsRootCerts', 'tlsIntermediateCerts', 'admins', 'revocationList'] as const;
const OU_FIELDS = ['clientOUIdentifier', 'peerOUIdentifier', 'adminOUIdentifier', 'ordererOUIdentifier'] as const;

/** `msp-structure`: the MSP has every field with the right JSON type, at least one root and one TLS root. */
export function checkMspStructure(msp: unknown): ValidationCheck {
  const problems: string[] = [];
  if (!isRecord(msp)) {
    return checkFrom('msp-structure', ['msp is not an object']);
  }
  if (typeof msp.mspId !== 'string') problems.push('msp.mspId is not a string');
  for (const list of CERT_LISTS) {
    if (!isStringArray(msp[list])) problems.push(`msp.${list} is not an array of strings`);
  }
  const ous = msp.nodeOUs;
  if (!isRecord(ous)) {
    problems.push('msp.nodeOUs is not an object');
  } else {
    if (typeof ous.enable !== 'boolean') problems.push('msp.nodeOUs.enable is not a boolean');
    for (const f of OU_FIELDS) {
      if (typeof ous[f] !== 'string') problems.push(`msp.nodeOUs.${f} is not a string`);
    }
  }
  if (Array.isArray(msp.rootCerts) && msp.rootCerts.length === 0) problems.push('msp.rootCerts is empty');
  if (Array.isArray(msp.tlsRootCerts) && msp.tlsRootCerts.length === 0) problems.push('msp.tlsRootCerts is empty');
  return checkFrom('msp-structure', problems);
}

function endpointProblems(field: string, value: unknown, orderer: boolean): string[] {
  if (!Array.isArray(value)) return [`${field} is not an array`];
  const problems: string[] = [];
  for (const [i, n] of value.entries()) {
    const at = `${field}[${i}]`;
    if (!isRecord(n)) {
      problems.push(`${at} is not an object`);
      continue;
    }
    if (typeof n.host !== 'string' || typeof n.port !== 'number') problems.push(`${at} needs a string host and a number port`);
    if (orderer && (typeof n.serverTlsCert !== 'string' || typeof n.clientTlsCert !== 'string' || typeof n.consenter !== 'boolean')) {
      problems.push(`${at} needs serverTlsCert, clientTlsCert (PEM strings) and consenter (boolean)`);
    }
  }
  return problems;
}

/** `request-structure`: the envelope of a join request (format, MSP ID, nodes, channels, proof). */
export function checkRequestStructure(req: unknown): ValidationCheck {
  if (!isRecord(req)) {
    return checkFrom('request-structure', ['request is not an object']);
  }
  const problems: string[] = [];
  if (req.format !== 'opssc.join-request.v1') problems.push('format is not opssc.join-request.v1');
  if (typeof req.mspId !== 'string') problems.push('mspId is not a string');
  else if (isRecord(req.msp) && req.msp.mspId !== req.mspId) problems.push('mspId differs from msp.mspId');
  const nodes = req.nodes;
  if (!isRecord(nodes)) {
    problems.push('nodes is not an object');
  } else {
    problems.push(...endpointProblems('nodes.peers', nodes.peers, false));
    problems.push(...endpointProblems('nodes.anchorPeers', nodes.anchorPeers, false));
    problems.push(...endpointProblems('nodes.orderers', nodes.orderers, true));
  }
  if (!isStringArray(req.channels)) problems.push('channels is not an array of strings');
  if (!isRecord(req.metadata)) problems.push('metadata is not an object');
  const proof = req.proof;
  if (!isRecord(proof) || typeof proof.signerCert !== 'string' || typeof proof.signature !== 'string') {
    problems.push('proof needs a signerCert and a signature (strings)');
  }
  return checkFrom('request-structure', problems);
}
