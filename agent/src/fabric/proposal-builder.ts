import { computeTxId } from '@opssc/channel-config';
import { common, peer } from '@hyperledger/fabric-protos';
import { newChannelHeader } from './channel-header';
import type { SigningIdentity } from './signing-identity';

/** A chaincode call to put in a proposal; system chaincodes (cscc, qscc, _lifecycle) take bytes arguments. */
export interface ProposalSpec {
  /** Empty for peer-scoped calls (JoinChain, GetChannels, InstallChaincode, QueryInstalledChaincodes). */
  channelId: string;
  chaincodeName: string;
  /** The function name first, then its arguments. */
  args: (string | Uint8Array)[];
  /** SHA-256 of the client TLS certificate when the peer requires mutual TLS. */
  tlsCertHash?: Uint8Array;
}

/** An unsigned proposal and the transaction ID the peer will recompute from it. */
export interface UnsignedProposal {
  txId: string;
  proposal: peer.Proposal;
}

/** A proposal ready for a peer's Endorser service. */
export interface SignedProposalWithId {
  txId: string;
  signedProposal: peer.SignedProposal;
}

const utf8 = new TextEncoder();


/**
 * Lays out a proposal as Fabric's CLI does: the chaincode is named both in the channel header extension
 * (which the peer routes on) and in the invocation spec; the transaction ID is sha256(nonce || creator),
 * which the peer checks against the signature header.
 */
export function buildProposal(spec: ProposalSpec, signatureHeader: common.SignatureHeader, timestamp: Date): UnsignedProposal {
  const chaincodeId = new peer.ChaincodeID();
  chaincodeId.setName(spec.chaincodeName);

  const input = new peer.ChaincodeInput();
  input.setArgsList(spec.args.map((arg) => (typeof arg === 'string' ? utf8.encode(arg) : arg)));
  const chaincodeSpec = new peer.ChaincodeSpec();
  chaincodeSpec.setChaincodeId(chaincodeId);
  chaincodeSpec.setInput(input);
  const invocation = new peer.ChaincodeInvocationSpec();
  invocation.setChaincodeSpec(chaincodeSpec);
  const payload = new peer.ChaincodeProposalPayload();
  payload.setInput(invocation.serializeBinary());

  const extension = new peer.ChaincodeHeaderExtension();
  extension.setChaincodeId(chaincodeId);
  const txId = computeTxId(signatureHeader.getNonce_asU8(), signatureHeader.getCreator_asU8());
  const channelHeader = newChannelHeader({
    // Fabric's CLI sends JoinChain as a CONFIG proposal; peers accept ENDORSER_TRANSACTION for every system call.
    type: common.HeaderType.ENDORSER_TRANSACTION,
    channelId: spec.channelId,
    txId,
    timestamp,
    extension: extension.serializeBinary(),
    tlsCertHash: spec.tlsCertHash,
  });
  const header = new common.Header();
  header.setChannelHeader(channelHeader.serializeBinary());
  header.setSignatureHeader(signatureHeader.serializeBinary());

  const proposal = new peer.Proposal();
  proposal.setHeader(header.serializeBinary());
  proposal.setPayload(payload.serializeBinary());
  return { txId, proposal };
}

/** Builds a proposal with a fresh nonce and signs its bytes with the identity. */
export async function buildSignedProposal(identity: SigningIdentity, spec: ProposalSpec, timestamp = new Date()): Promise<SignedProposalWithId> {
  const { txId, proposal } = buildProposal(spec, identity.newSignatureHeader(), timestamp);
  const proposalBytes = proposal.serializeBinary();
  const signedProposal = new peer.SignedProposal();
  signedProposal.setProposalBytes(proposalBytes);
  signedProposal.setSignature(await identity.sign(proposalBytes));
  return { txId, signedProposal };
}

/** The transaction ID of a proposal or envelope: sha256(nonce || creator), shared with the config library. */
export { computeTxId };
