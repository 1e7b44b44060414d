/**
 * Stable names of the checks in a validation report, in report order. Clients, votes and dashboards
 * key on these names, so they never change meaning; new checks get new names.
 */
export const MSP_CHECK_NAMES = [
  'msp-structure',
  'input-size',
  'msp-id-format',
  'msp-id-unique',
  'pem-parse',
  'key-algorithm',
  'signature-algorithm',
  'validity-window',
  'remaining-lifetime',
  'ca-basic-constraints',
  'ca-key-usage',
  'root-self-signed',
  'intermediate-chain',
  'tls-intermediate-chain',
  'root-ca-unique',
  'node-ous',
  'admin-ou',
  'admin-chain',
  'crl-parse',
  'crl-issuer',
  'revocation',
] as const;

/** Every check of a join request, in report order: its envelope, its MSP, then nodes, channels and proof. */
export const JOIN_REQUEST_CHECK_NAMES = [
  'request-structure',
  ...MSP_CHECK_NAMES,
  'channel-names',
  'node-endpoints',
  'node-tls-chain',
  'proof-signature',
  'proof-signer-admin',
] as const;

/** Every check name a report may contain. */
export type CheckName = (typeof JOIN_REQUEST_CHECK_NAMES)[number];
