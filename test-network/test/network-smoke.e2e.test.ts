import { TextDecoder } from 'node:util';
import { join, resolve } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { deployChaincode, queryCommitted } from '../src/chaincode-lifecycle';
import { packageNodeChaincode } from '../src/chaincode-package';
import { OPS_CHANNEL } from '../src/network';
import { e2eOrg, gatewayFor } from './support/test-network';

jest.setTimeout(600_000);

const utf8 = new TextDecoder();
const definition = { channelId: OPS_CHANNEL, name: 'smoke', version: '1.0', sequence: 1 };

describe('the local network runs Node chaincode through the full lifecycle without Docker', () => {
  const org1 = () => e2eOrg('Org1MSP');
  const org2 = () => e2eOrg('Org2MSP');

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'smoke-pkg-'));
    const pkg = packageNodeChaincode(resolve(__dirname, '..', 'fixtures', 'smoke-chaincode'), 'smoke_1.0', join(dir, 'smoke.tar.gz'));
    await deployChaincode([org1(), org2()], pkg, definition);
  });

  it('commits the definition with both orgs approving, as `peer lifecycle chaincode querycommitted` reports', async () => {
    const committed = await queryCommitted(org2(), OPS_CHANNEL, 'smoke');
    expect(committed.sequence).toBe(1);
    expect(committed.approvals).toEqual({ Org1MSP: true, Org2MSP: true });
  });

  it.each(['Org1MSP', 'Org2MSP'])('lets %s submit, evaluate and receive the chaincode event through the gateway', async (mspId) => {
    const { gateway, client } = gatewayFor(e2eOrg(mspId), 'client');
    try {
      const network = gateway.getNetwork(OPS_CHANNEL);
      const contract = network.getContract('smoke');
      const key = `greeting-${mspId}`;
      const submitted = await contract.submitAsync('Put', { arguments: [key, `hello from ${mspId}`] });
      const status = await submitted.getStatus();
      expect(status.successful).toBe(true);
      expect(utf8.decode(submitted.getResult())).toBe(mspId);

      const events = await network.getChaincodeEvents('smoke', { startBlock: status.blockNumber });
      try {
        const event = (await events[Symbol.asyncIterator]().next()).value;
        expect(event.eventName).toBe('ValuePut');
        expect(JSON.parse(utf8.decode(event.payload))).toEqual({ key, value: `hello from ${mspId}`, writer: mspId });
        expect(event.transactionId).toBe(submitted.getTransactionId());
      } finally {
        events.close();
      }

      expect(utf8.decode(await contract.evaluateTransaction('Get', key))).toBe(`hello from ${mspId}`);
    } finally {
      gateway.close();
      client.close();
    }
  });
});
