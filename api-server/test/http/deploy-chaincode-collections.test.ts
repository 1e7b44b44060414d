import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chaincodePackage } from '../support/chaincode-package';
import { errorOf, jsonOf } from '../support/http';
import { FakeClock } from '../support/fake-clock';
import { FakeLedger } from '../support/fake-ledger';
import { startTestServer, type TestServer } from '../support/test-server';

const COLLECTION = { name: 'assetCollection', policy: "OR('Org1MSP.member','Org2MSP.member')", requiredPeerCount: 1, maxPeerCount: 2, blockToLive: 0, memberOnlyRead: true, memberOnlyWrite: false };

describe('DEPLOY_CHAINCODE proposals with private data collections', () => {
  let dir: string;
  let org1: TestServer;
  let ledger: FakeLedger;
  let packageId: string;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'opssc-deploy-collections-'));
    const clock = new FakeClock();
    ledger = new FakeLedger(clock);
    org1 = await startTestServer({ orgMspId: 'Org1MSP', ledger, clock, packagesDir: dir });
    const uploaded = await fetch(`${org1.url}/api/v1/chaincode-packages`, { method: 'POST', headers: { authorization: `Bearer ${org1.keys.admin}`, 'content-type': 'application/octet-stream' }, body: chaincodePackage('basic_1.0') });
    packageId = (await jsonOf<{ packageId: string }>(uploaded)).packageId;
  });
  afterEach(async () => {
    await org1.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const propose = (collections: unknown) =>
    org1.call('POST', '/api/v1/proposals', { auth: org1.keys.admin, body: { type: 'DEPLOY_CHAINCODE', payload: { channel: 'mychannel', name: 'basic', version: '1.0', packageId, collections } } });

  it('when the payload has collections, they go on-chain as given, in order', async () => {
    const collections = [COLLECTION, { ...COLLECTION, name: 'Org1MSPPrivateCollection', policy: "OR('Org1MSP.member')", endorsementPolicy: { signaturePolicy: "OR('Org1MSP.peer')" } }];

    const response = await propose(collections);

    expect(response.status).toBe(201);
    const created = ledger.calls.find((c) => c.name === 'CreateProposal')!;
    expect(JSON.parse(created.args[1]).collections).toEqual(collections);
  });

  it.each([
    ['a name starting with _', [{ ...COLLECTION, name: '_implicit_org_Org1MSP' }]],
    ['an unknown field', [{ ...COLLECTION, memberOrgsPolicy: 'x' }]],
    ['no blockToLive', [{ ...COLLECTION, blockToLive: undefined }]],
    ['no entry (an empty list)', []],
  ])('when the collections have %s, the proposal is refused with 400 INVALID_ARGUMENT and nothing reaches the ledger', async (_what, collections) => {
    const response = await propose(collections);

    expect(response.status).toBe(400);
    expect((await errorOf(response)).code).toBe('INVALID_ARGUMENT');
    expect(ledger.calls.filter((c) => c.name === 'CreateProposal')).toEqual([]);
  });

  it('documents the collections in the OpenAPI document, with the schema that validates them', async () => {
    const doc = await jsonOf<{ components: { schemas: Record<string, { required?: string[]; additionalProperties?: boolean }> } }>(await org1.call('GET', '/api/v1/openapi.json'));

    expect(doc.components.schemas.CollectionSpec.required).toEqual(['name', 'policy', 'requiredPeerCount', 'maxPeerCount', 'blockToLive', 'memberOnlyRead', 'memberOnlyWrite']);
    expect(doc.components.schemas.CollectionSpec.additionalProperties).toBe(false);
  });
});
