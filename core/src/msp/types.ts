/**
 * The data a joining organization submits about itself. Certificates and CRLs are PEM strings.
 * This is the single source of these shapes for the chaincode, the api-server, the agent and the CLI.
 */

/** NodeOU settings, as in an MSP's config.yaml. Each OU identifier is the `OU=` value in a certificate subject. */
export interface NodeOUs {
  enable: boolean;
  clientOUIdentifier: string;
  peerOUIdentifier: string;
  adminOUIdentifier: string;
  ordererOUIdentifier: string;
}

export interface MspDefinition {
  mspId: string;
  rootCerts: string[];
  intermediateCerts: string[];
  tlsRootCerts: string[];
  tlsIntermediateCerts: string[];
  /** Explicit admin certificates. May be empty when NodeOUs are enabled (admins are then OU=admin identities). */
  admins: string[];
  nodeOUs: NodeOUs;
  /** PEM-encoded CRLs. */
  revocationList: string[];
}

export interface PeerEndpoint {
  host: string;
  port: number;
}

export interface OrdererEndpoint {
  host: string;
  port: number;
  /** The orderer's TLS server certificate (PEM); Raft identifies consenters by it. */
  serverTlsCert: string;
  /** The orderer's TLS client certificate (PEM), used for cluster communication. */
  clientTlsCert: string;
  /** Whether this orderer should become a Raft consenter (true) or stay a follower. */
  consenter: boolean;
}

export interface NodeEndpoints {
  peers: PeerEndpoint[];
  /** Anchor peers to set on each application channel; a subset of `peers`. */
  anchorPeers: PeerEndpoint[];
  orderers: OrdererEndpoint[];
}

export interface ContactMetadata {
  organizationName?: string;
  contacts?: { name: string; email: string }[];
  apiUrl?: string;
  description?: string;
}

/** The unsigned body of a join request. Its canonical digest is what the proof of possession signs. */
export interface JoinRequestBody {
  /** Version of this format, so that digests stay comparable across releases. */
  format: 'opssc.join-request.v1';
  mspId: string;
  msp: MspDefinition;
  nodes: NodeEndpoints;
  /** Channels the org asks to join; the ops channel is always included by the consortium. */
  channels: string[];
  metadata: ContactMetadata;
}

/** Proof that the requester holds a private key of one of the MSP's admin identities. */
export interface ProofOfPossession {
  /** The signing admin certificate (PEM); it must be an admin identity of `msp`. */
  signerCert: string;
  /** Base64 DER signature (ECDSA with SHA-256, or RSA PKCS#1 v1.5 with SHA-256) over the digest message. */
  signature: string;
}

export interface JoinRequest extends JoinRequestBody {
  proof: ProofOfPossession;
}

export interface ValidationCheck {
  /** Stable check name, such as `pem-parse` or `admin-chain`. */
  name: string;
  ok: boolean;
  detail?: string;
}

export interface ValidationReport {
  ok: boolean;
  checks: ValidationCheck[];
  /** The transaction timestamp the report was computed against (ISO-8601). */
  validatedAt: string;
}
