import { createHash, X509Certificate, verify } from 'node:crypto';
import { common, peer } from '@hyperledger/fabric-protos';
import { buildProposal, buildSignedProposal, newSigningIdentity, type SigningIdentity } from '../../src/fabric';
import { generateKeyPair } from './support/test-identity';

const utf8 = new TextDecoder();

/** Unpacks a proposal the way a peer's endorser does (core/endorser/msgvalidation.go). */
function unpack(proposalBytes: Uint8Array) {
  const proposal = peer.Proposal.deserializeBinary(proposalBytes);
  const header = common.Header.deserializeBinary(proposal.getHeader_asU8());
  const channelHeader = common.ChannelHeader.deserializeBinary(header.getChannelHeader_asU8());
  const signatureHeader = common.SignatureHeader.deserializeBinary(header.getSignatureHeader_asU8());
  const extension = peer.ChaincodeHeaderExtension.deserializeBinary(channelHeader.getExtension_asU8());
  const payload = peer.ChaincodeProposalPayload.deserializeBinary(proposal.getPayload_asU8());
  const spec = peer.ChaincodeInvocationSpec.deserializeBinary(payload.getInput_asU8()).getChaincodeSpec();
  return { channelHeader, signatureHeader, extension, spec };
}

describe('building a system chaincode proposal', () => {
  let identity: SigningIdentity;
  let certificatePem: string;
  beforeAll(async () => {
    const keys = await generateKeyPair();
    certificatePem = keys.certificatePem;
    identity = newSigningIdentity('Org1MSP', keys.certificatePem, keys.privateKeyPem);
  });

  it('sets the transaction ID to hex sha256(nonce || creator), which the peer recomputes and checks', () => {
    const signatureHeader = identity.newSignatureHeader();

    const { txId, proposal } = buildProposal({ channelId: '', chaincodeName: 'cscc', args: ['GetChannels'] }, signatureHeader, new Date());

    const expected = createHash('sha256').update(Buffer.concat([signatureHeader.getNonce_asU8(), identity.creator])).digest('hex');
    expect(txId).toBe(expected);
    expect(unpack(proposal.serializeBinary()).channelHeader.getTxId()).toBe(expected);
  });

  it('lays out the call as the peer unpacks it: channel header, chaincode in the extension and the spec, byte args', () => {
    const block = Uint8Array.of(1, 2, 3, 0, 255);
    const timestamp = new Date('2025-01-02T03:04:05.678Z');

    const { proposal } = buildProposal({ channelId: 'ops-channel', chaincodeName: '_lifecycle', args: ['QueryChaincodeDefinition', block] }, identity.newSignatureHeader(), timestamp);

    const { channelHeader, signatureHeader, extension, spec } = unpack(proposal.serializeBinary());
    expect(channelHeader.getType()).toBe(common.HeaderType.ENDORSER_TRANSACTION);
    expect(channelHeader.getChannelId()).toBe('ops-channel');
    expect(channelHeader.getEpoch()).toBe(0);
    expect(channelHeader.getTimestamp()?.getSeconds()).toBe(Math.floor(timestamp.getTime() / 1000));
    expect(channelHeader.getTimestamp()?.getNanos()).toBe(678_000_000);
    expect(signatureHeader.getCreator_asU8()).toEqual(identity.creator);
    expect(extension.getChaincodeId()?.getName()).toBe('_lifecycle');
    expect(spec?.getChaincodeId()?.getName()).toBe('_lifecycle');
    const args = spec?.getInput()?.getArgsList_asU8() ?? [];
    expect(utf8.decode(args[0])).toBe('QueryChaincodeDefinition');
    expect(args[1]).toEqual(block);
  });

  it('signs the exact proposal bytes with the identity key', async () => {
    const { signedProposal } = await buildSignedProposal(identity, { channelId: '', chaincodeName: 'qscc', args: ['GetChainInfo', 'ops-channel'] });

    const publicKey = new X509Certificate(certificatePem).publicKey;
    expect(verify('sha256', signedProposal.getProposalBytes_asU8(), { key: publicKey, dsaEncoding: 'der' }, signedProposal.getSignature_asU8())).toBe(true);
  });

  it('binds the proposal to the client TLS certificate when a certificate hash is given', () => {
    const hash = createHash('sha256').update('client cert').digest();

    const { proposal } = buildProposal({ channelId: '', chaincodeName: 'cscc', args: ['GetChannels'], tlsCertHash: hash }, identity.newSignatureHeader(), new Date());

    expect(Buffer.from(unpack(proposal.serializeBinary()).channelHeader.getTlsCertHash_asU8()).equals(hash)).toBe(true);
  });

  it('gives two proposals for the same call different transaction IDs', async () => {
    const spec = { channelId: '', chaincodeName: 'cscc', args: ['GetChannels'] };

    const [first, second] = await Promise.all([buildSignedProposal(identity, spec), buildSignedProposal(identity, spec)]);

    expect(first.txId).not.toBe(second.txId);
  });
});
