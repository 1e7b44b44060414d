import { checkFrom, reasonOf } from '../check-result';
import type { ParsedCert } from '../parsed-cert';
import { allCerts } from '../parsed-msp';
import type { ValidationCheck } from '../types';
import type { CheckInput } from './check-input';

// What Fabric 2.5's BCCSP (SW) verifies: ECDSA on P-256/P-384 and RSA. RSA below 2048 bits is
// breakable; above 8192 it only makes every peer's verification slower.
const EC_CURVES = new Set(['prime256v1', 'secp384r1']);
const RSA_MIN_BITS = 2048;
const RSA_MAX_BITS = 8192;
const SIGNATURE_HASHES = new Set(['SHA-256', 'SHA-384', 'SHA-512']);
const SIGNATURE_SCHEMES = new Set(['ECDSA', 'RSASSA-PKCS1-v1_5']);

function keyProblem(c: ParsedCert): string | undefined {
  const key = c.node.publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'ec') {
    return EC_CURVES.has(details.namedCurve ?? '') ? undefined : `${c.field}: EC curve ${details.namedCurve ?? 'unknown'} is not P-256 or P-384`;
  }
  if (key.asymmetricKeyType === 'rsa') {
    const bits = details.modulusLength ?? 0;
    return bits >= RSA_MIN_BITS && bits <= RSA_MAX_BITS ? undefined : `${c.field}: RSA-${bits} is outside ${RSA_MIN_BITS}..${RSA_MAX_BITS} bits`;
  }
  return `${c.field}: key type ${key.asymmetricKeyType ?? 'unknown'} is not ECDSA or RSA`;
}

/** `key-algorithm`: every public key is ECDSA P-256/P-384 or RSA 2048..8192 bits. */
export function checkKeyAlgorithm({ parsed }: CheckInput): ValidationCheck {
  const problems = allCerts(parsed)
    .map(keyProblem)
    .filter((p): p is string => p !== undefined);
  return checkFrom('key-algorithm', problems);
}

function signatureProblem(c: ParsedCert): string | undefined {
  try {
    // Typed loosely: the DOM `Algorithm` type peculiar/x509 refers to is not in this project's lib.
    const alg = c.cert.signatureAlgorithm as unknown as { name: string; hash?: string | { name: string } };
    const hash = typeof alg.hash === 'string' ? alg.hash : alg.hash?.name;
    if (SIGNATURE_SCHEMES.has(alg.name) && SIGNATURE_HASHES.has(hash ?? '')) {
      return undefined;
    }
    return `${c.field}: signature ${alg.name}/${hash ?? 'no hash'} is not ECDSA or RSA PKCS#1 v1.5 with SHA-2`;
  } catch (err) {
    return `${c.field}: unknown signature algorithm (${reasonOf(err)})`;
  }
}

/**
 * `signature-algorithm`: every certificate is signed with ECDSA or RSA PKCS#1 v1.5 over SHA-256/384/512.
 * Fabric's Go runtime rejects SHA-1 certificate signatures, so such an MSP would break the channel.
 */
export function checkSignatureAlgorithm({ parsed }: CheckInput): ValidationCheck {
  const problems = allCerts(parsed)
    .map(signatureProblem)
    .filter((p): p is string => p !== undefined);
  return checkFrom('signature-algorithm', problems);
}
