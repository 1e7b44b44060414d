import { parseDeployChaincodePayload, type CollectionSpec } from '@opssc/core';
import { definitionFromCommitted } from '../../src/bootstrap/committed-definition';
import { definitionOfPayload } from '../../src/executor/deployment-definition';
import { checkCommitReadinessArgs, parametersOf, sameParameters } from '../../src/fabric';
import { checkCommitReadinessArgsFromPeerCli } from './support/peer-cli-oracle';

const SHA = 'c0ffee'.padEnd(64, '0');
// nested, so that the order Fabric numbers principals in shows in the definition's own policy too
const ENDORSEMENT = "OutOf(2, 'Org1MSP.peer', AND('Org2MSP.peer', 'Org3MSP.peer'), 'Org3MSP.admin')";

// Every field of a collection, each at a value that encodes differently from its default: a repeated
// principal, an OutOf(1, …), a block count beyond 32 bits, both endorsement policy kinds and none.
const COLLECTIONS: CollectionSpec[] = [
  { name: 'assetCollection', policy: "OR('Org1MSP.member','Org2MSP.member')", requiredPeerCount: 1, maxPeerCount: 3, blockToLive: 1_000_000, memberOnlyRead: true, memberOnlyWrite: true },
  {
    name: 'Org1MSPPrivateCollection',
    policy: "OR('Org1MSP.member', 'Org1MSP.admin', 'Org1MSP.member')",
    requiredPeerCount: 0,
    maxPeerCount: 1,
    blockToLive: 2 ** 40 + 3,
    memberOnlyRead: true,
    memberOnlyWrite: false,
    endorsementPolicy: { signaturePolicy: "OR('Org1MSP.peer')" },
  },
  {
    name: 'shared_prices-2',
    policy: "OutOf(1, 'Org2MSP.peer', OR('Org3MSP.client', 'Org1MSP.member'))",
    requiredPeerCount: 2,
    maxPeerCount: 2,
    blockToLive: 0,
    memberOnlyRead: false,
    memberOnlyWrite: true,
    endorsementPolicy: { channelConfigPolicy: '/Channel/Application/Endorsement' },
  },
];

const payloadWith = (collections: CollectionSpec[]) =>
  parseDeployChaincodePayload({
    channel: 'mychannel',
    name: 'basic',
    version: '1.0',
    sequence: 1,
    packageId: `basic_1.0:${SHA}`,
    sha256: SHA,
    label: 'basic_1.0',
    endorsementPolicy: { signaturePolicy: ENDORSEMENT },
    collections,
  });

describe("a deployment's private data collections", () => {
  it("encode, with the rest of the definition, to the bytes Fabric's peer CLI sends for the same collections_config.json", async () => {
    const payload = payloadWith(COLLECTIONS);

    const fromFabric = await checkCommitReadinessArgsFromPeerCli({
      channel: 'mychannel',
      name: 'basic',
      version: '1.0',
      sequence: 1,
      collectionsConfigJson: JSON.stringify(payload.collections, null, 2),
      signaturePolicy: ENDORSEMENT,
    });
    const ours = checkCommitReadinessArgs(definitionOfPayload(payload));

    // the decoded comparison first, so that a difference shows which field it is in; then every byte
    expect(ours.getCollections()?.toObject()).toEqual(fromFabric.args.getCollections()?.toObject());
    expect(ours.toObject()).toEqual(fromFabric.args.toObject());
    expect(Buffer.from(ours.serializeBinary()).toString('hex')).toBe(Buffer.from(fromFabric.bytes).toString('hex'));
  });

  it('are rebuilt from the committed bytes with the parameters the orgs approved, so a joining org approves the same', () => {
    const approved = definitionOfPayload(payloadWith(COLLECTIONS));
    const committed = { name: approved.name, ...parametersOf(approved) };

    const rebuilt = definitionFromCommitted('mychannel', committed);

    expect(sameParameters(parametersOf(rebuilt), parametersOf(approved))).toBe(true);
    expect(rebuilt.collections?.getConfigList().map((c) => c.getStaticCollectionConfig()?.getName())).toEqual(['assetCollection', 'Org1MSPPrivateCollection', 'shared_prices-2']);
  });

  it('are part of the parameters: the same definition without them, or with them reordered, is another definition', () => {
    const payload = payloadWith(COLLECTIONS);
    const withCollections = parametersOf(definitionOfPayload(payload));

    expect(withCollections.collections.length).toBeGreaterThan(0);
    expect(sameParameters(withCollections, parametersOf(definitionOfPayload({ ...payload, collections: undefined })))).toBe(false);
    expect(sameParameters(withCollections, parametersOf(definitionOfPayload({ ...payload, collections: [...COLLECTIONS].reverse() })))).toBe(false);
  });
});
