/**
 * Size limits on untrusted input. A join request is parsed on every endorsing peer, so a request
 * with thousands of certificates or megabyte PEMs must be refused before any expensive work.
 */
export const LIMITS = {
  /** Certificates per MSP list (roots, intermediates, TLS roots, TLS intermediates, admins). */
  certsPerList: 16,
  /** CRLs in `revocationList`. */
  crls: 16,
  /** Characters in one certificate PEM; an RSA-8192 certificate is about 3 KB. */
  certPemChars: 16_384,
  /** Characters in one CRL PEM. */
  crlPemChars: 262_144,
  /** Characters in the base64 proof signature (an RSA-8192 signature is 1,368). */
  signatureChars: 2_048,
  /** Peers, anchor peers and orderers each. */
  nodesPerList: 16,
  /** Channels asked for. */
  channels: 16,
  /** Certificates between a leaf and its root, excluded. */
  chainDepth: 8,
} as const;
