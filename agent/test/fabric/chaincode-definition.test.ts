import { peer } from '@hyperledger/fabric-protos';
import { approveArgs, commitArgs, parametersOf, sameParameters, validationParameter, type ChaincodeDefinition } from '../../src/fabric';
import { peersPolicy } from '../support/endorsement-policy';

const definition: ChaincodeDefinition = { channelId: 'ops-channel', name: 'smoke', version: '1.0', sequence: 1 };

// What a Fabric 2.5 peer stored and returned (QueryChaincodeDefinition) for a definition approved without a policy.
const PEER_DEFAULT_POLICY = Buffer.concat([Uint8Array.of(0x12, 0x20), Buffer.from('/Channel/Application/Endorsement')]);

describe('a chaincode definition', () => {
  it("defaults to the channel's Endorsement policy exactly as the peer stores it, with escc and vscc", () => {
    const parameters = parametersOf(definition);

    expect(Buffer.from(parameters.validationParameter).equals(PEER_DEFAULT_POLICY)).toBe(true);
    expect(parameters).toMatchObject({ endorsementPlugin: 'escc', validationPlugin: 'vscc', initRequired: false });
  });

  it('carries a signature policy as an ApplicationPolicy', () => {
    const policy = peersPolicy(1, ['Org1MSP', 'Org2MSP']);

    const decoded = peer.ApplicationPolicy.deserializeBinary(validationParameter({ signaturePolicy: policy }));

    expect(decoded.getTypeCase()).toBe(peer.ApplicationPolicy.TypeCase.SIGNATURE_POLICY);
    expect(decoded.getSignaturePolicy()?.getIdentitiesList()).toHaveLength(2);
  });

  it('approves with the org package as a local chaincode source', () => {
    const args = approveArgs(definition, 'smoke_1.0:abc');

    const decoded = peer.lifecycle.ApproveChaincodeDefinitionForMyOrgArgs.deserializeBinary(args.serializeBinary());
    expect(decoded.getSource()?.getLocalPackage()?.getPackageId()).toBe('smoke_1.0:abc');
    expect(decoded.getName()).toBe('smoke');
    expect(decoded.getSequence()).toBe(1);
  });

  it('commits with the same parameters it approves with', () => {
    const approve = approveArgs(definition, 'smoke_1.0:abc');
    const commit = commitArgs(definition);

    expect(commit.getValidationParameter_asU8()).toEqual(approve.getValidationParameter_asU8());
    expect([commit.getVersion(), commit.getEndorsementPlugin(), commit.getValidationPlugin()]).toEqual([approve.getVersion(), approve.getEndorsementPlugin(), approve.getValidationPlugin()]);
  });

  it('is the same as another when only unset defaults differ, and different when any parameter differs', () => {
    const explicit = { ...definition, endorsementPlugin: 'escc', endorsementPolicy: { channelConfigPolicy: '/Channel/Application/Endorsement' } };

    expect(sameParameters(parametersOf(definition), parametersOf(explicit))).toBe(true);
    expect(sameParameters(parametersOf(definition), parametersOf({ ...definition, version: '1.1' }))).toBe(false);
    expect(sameParameters(parametersOf(definition), parametersOf({ ...definition, initRequired: true }))).toBe(false);
    expect(sameParameters(parametersOf(definition), parametersOf({ ...definition, endorsementPolicy: { signaturePolicy: peersPolicy(1, ['Org1MSP']) } }))).toBe(false);
  });
});
