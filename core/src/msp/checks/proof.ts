import { verify } from 'node:crypto';
import { checkFrom } from '../check-result';
import { joinRequestDigest, proofMessage } from '../join-request-digest';
import { subjectOUs } from '../parsed-cert';
import type { JoinRequest, ValidationCheck } from '../types';
import type { CheckInput } from './check-input';
import { identityProblem } from './admin-chain';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * `proof-signature`: the proof signature verifies, with the signer certificate's key, over
 * `proofMessage(joinRequestDigest(req))`. Any change to the body after signing changes the digest.
 */
export function checkProofSignature({ parsed }: CheckInput, req: JoinRequest): ValidationCheck {
  const signer = parsed.signer;
  if (!signer) return checkFrom('proof-signature', ['proof.signerCert did not parse']);
  if (!BASE64.test(req.proof.signature) || req.proof.signature.length === 0) {
    return checkFrom('proof-signature', ['proof.signature is not base64']);
  }
  const digest = joinRequestDigest(req);
  let ok = false;
  try {
    ok = verify('sha256', proofMessage(digest), { key: signer.node.publicKey, dsaEncoding: 'der' }, Buffer.from(req.proof.signature, 'base64'));
  } catch {
    // a malformed signature for this key type: simply does not verify
  }
  return checkFrom('proof-signature', ok ? [] : [`signature does not verify over digest ${digest}`], `digest ${digest}`);
}

/**
 * `proof-signer-admin`: the signer is an admin identity of the MSP. It must chain to the MSP's CAs and
 * either be listed in `admins` or, with NodeOUs enabled, carry OU=<adminOUIdentifier>. With NodeOUs
 * enabled a listed admin must carry the admin OU as well, as for `admin-ou`.
 */
export function checkProofSignerAdmin(input: CheckInput): ValidationCheck {
  const { parsed, msp, chains } = input;
  const signer = parsed.signer;
  if (!signer) return checkFrom('proof-signer-admin', ['proof.signerCert did not parse']);
  const problems: string[] = [];
  const chainProblem = identityProblem(signer, parsed, chains);
  if (chainProblem) problems.push(chainProblem);
  const listed = parsed.admins.some((a) => a.fingerprint === signer.fingerprint);
  const ous = msp.nodeOUs;
  const hasAdminOU = ous.enable && subjectOUs(signer).includes(ous.adminOUIdentifier);
  if (ous.enable && !hasAdminOU) {
    problems.push(`proof.signerCert: subject lacks OU=${ous.adminOUIdentifier}${listed ? '' : ' and it is not listed in admins'}`);
  } else if (!ous.enable && !listed) {
    problems.push('proof.signerCert: not listed in admins (NodeOUs disabled)');
  }
  return checkFrom('proof-signer-admin', problems, listed ? 'admin listed in admins' : `admin by OU=${ous.adminOUIdentifier}`);
}
