import { reasonOf } from './check-result';
import { parseCertPem, type ParsedCert } from './parsed-cert';
import type { MspDefinition } from './types';

/** The certificates of an MSP (and of a join request around it), parsed once for all checks. */
export interface ParsedMsp {
  roots: ParsedCert[];
  intermediates: ParsedCert[];
  tlsRoots: ParsedCert[];
  tlsIntermediates: ParsedCert[];
  admins: ParsedCert[];
  /** The proof-of-possession signer, for join requests. */
  signer?: ParsedCert;
  /** Orderer TLS certificates of a join request. */
  nodeTls: ParsedCert[];
  /** `field: reason` for every PEM that did not parse; those certificates are absent above. */
  parseFailures: string[];
}

/** Extra certificates a join request carries besides its MSP. */
export interface JoinRequestCerts {
  signerCert?: string;
  nodeTls: { field: string; pem: string }[];
}

/** Parses every certificate; a PEM that fails is recorded, not thrown, and left out of the lists. */
export function parseMsp(msp: MspDefinition, extra: JoinRequestCerts = { nodeTls: [] }): ParsedMsp {
  const parseFailures: string[] = [];
  const parseOne = (field: string, pem: string): ParsedCert | undefined => {
    try {
      return parseCertPem(field, pem);
    } catch (err) {
      parseFailures.push(`${field}: ${reasonOf(err)}`);
      return undefined;
    }
  };
  const parseList = (name: string, pems: string[]): ParsedCert[] =>
    pems.map((pem, i) => parseOne(`msp.${name}[${i}]`, pem)).filter((c): c is ParsedCert => c !== undefined);

  return {
    roots: parseList('rootCerts', msp.rootCerts),
    intermediates: parseList('intermediateCerts', msp.intermediateCerts),
    tlsRoots: parseList('tlsRootCerts', msp.tlsRootCerts),
    tlsIntermediates: parseList('tlsIntermediateCerts', msp.tlsIntermediateCerts),
    admins: parseList('admins', msp.admins),
    signer: extra.signerCert === undefined ? undefined : parseOne('proof.signerCert', extra.signerCert),
    nodeTls: extra.nodeTls.map((n) => parseOne(n.field, n.pem)).filter((c): c is ParsedCert => c !== undefined),
    parseFailures,
  };
}

/** The identity CAs: roots and intermediates. */
export function identityCas(p: ParsedMsp): ParsedCert[] {
  return [...p.roots, ...p.intermediates];
}

/** Every CA certificate, identity and TLS. */
export function allCas(p: ParsedMsp): ParsedCert[] {
  return [...p.roots, ...p.intermediates, ...p.tlsRoots, ...p.tlsIntermediates];
}

/** Every parsed certificate, in a fixed order. */
export function allCerts(p: ParsedMsp): ParsedCert[] {
  return [...allCas(p), ...p.admins, ...(p.signer ? [p.signer] : []), ...p.nodeTls];
}
