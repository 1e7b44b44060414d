import { peer } from '@hyperledger/fabric-protos';
import { parametersOf, sameParameters, validationParameter } from '../../src/fabric';
import { definitionFromCommitted } from '../../src/bootstrap/committed-definition';
import { committed, World } from './support/world';

describe('the definition a joining org approves', () => {
  test('when the committed definition uses the channel default policy, the approval names the same policy reference', () => {
    const definition = definitionFromCommitted('ops-channel', committed({ name: 'consortium_ops', version: '1.0', sequence: 1 }));
    expect(definition).toMatchObject({ channelId: 'ops-channel', name: 'consortium_ops', version: '1.0', sequence: 1, endorsementPolicy: { channelConfigPolicy: '/Channel/Application/Endorsement' }, endorsementPlugin: 'escc', validationPlugin: 'vscc', initRequired: false });
    expect(definition.collections).toBeUndefined();
  });

  test('when it has a signature policy, init-required and collections, every parameter re-encodes to the committed bytes', () => {
    const sample = World.standard().channels.get('mychannel')!.definitions[0];
    const definition = definitionFromCommitted('mychannel', sample);
    expect(sameParameters(parametersOf(definition), sample)).toBe(true);
    expect(definition.initRequired).toBe(true);
    expect(definition.collections?.getConfigList()).toHaveLength(1);
  });

  test('when the committed bytes would not re-encode identically, nothing is approved: DEFINITION_NOT_REPRODUCIBLE', () => {
    const base = committed({ name: 'cc', version: '1', sequence: 2 });
    // an unknown field 15 (varint 1) after the policy: a decoder drops it, so the bytes cannot be reproduced
    const withUnknownField = Buffer.concat([Buffer.from(validationParameter()), Buffer.from([0x78, 0x01])]);
    expect(() => definitionFromCommitted('ch', { ...base, validationParameter: withUnknownField })).toThrow(/^DEFINITION_NOT_REPRODUCIBLE/);
  });

  test('when the committed definition has no endorsement policy bytes, it is refused rather than approved with a default', () => {
    const base = committed({ name: 'cc', version: '1', sequence: 2 });
    expect(() => definitionFromCommitted('ch', { ...base, validationParameter: new peer.ApplicationPolicy().serializeBinary() })).toThrow(/^DEFINITION_NOT_REPRODUCIBLE/);
  });
});
