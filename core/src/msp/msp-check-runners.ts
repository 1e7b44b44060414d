import type { CheckInput } from './checks/check-input';
import { checkAdminChain } from './checks/admin-chain';
import { checkCaBasicConstraints, checkCaKeyUsage } from './checks/ca-extensions';
import { checkIntermediateChain, checkRootSelfSigned, checkTlsIntermediateChain } from './checks/ca-chains';
import { checkCrlIssuer, checkCrlParse, checkRevocation } from './checks/crls';
import { checkKeyAlgorithm, checkSignatureAlgorithm } from './checks/key-algorithm';
import { checkMspIdFormat, checkMspIdUnique } from './checks/msp-id';
import { checkAdminOU, checkNodeOUs } from './checks/node-ous';
import { checkPemParse } from './checks/pem-parse';
import { checkRootCaUnique } from './checks/root-ca-unique';
import { checkRemainingLifetime, checkValidityWindow } from './checks/validity';
import type { CrlSet } from './parsed-crls';
import type { CheckRunner } from './run-checks';

/** The MSP checks that follow the gates, in report order. */
export function mspCheckRunners(input: CheckInput, crls: CrlSet): CheckRunner[] {
  return [
    ['msp-id-format', () => checkMspIdFormat(input)],
    ['msp-id-unique', () => checkMspIdUnique(input)],
    ['pem-parse', () => checkPemParse(input)],
    ['key-algorithm', () => checkKeyAlgorithm(input)],
    ['signature-algorithm', () => checkSignatureAlgorithm(input)],
    ['validity-window', () => checkValidityWindow(input)],
    ['remaining-lifetime', () => checkRemainingLifetime(input)],
    ['ca-basic-constraints', () => checkCaBasicConstraints(input)],
    ['ca-key-usage', () => checkCaKeyUsage(input)],
    ['root-self-signed', () => checkRootSelfSigned(input)],
    ['intermediate-chain', () => checkIntermediateChain(input)],
    ['tls-intermediate-chain', () => checkTlsIntermediateChain(input)],
    ['root-ca-unique', () => checkRootCaUnique(input)],
    ['node-ous', () => checkNodeOUs(input)],
    ['admin-ou', () => checkAdminOU(input)],
    ['admin-chain', () => checkAdminChain(input)],
    ['crl-parse', () => checkCrlParse(crls)],
    ['crl-issuer', () => checkCrlIssuer(crls)],
    ['revocation', () => checkRevocation(input, crls)],
  ];
}
