import type { Network } from '@hyperledger/fabric-gateway';
import { QsccConfigBlocks } from '../../src/fabric/qscc-config-blocks';
import { chainInfo, configBlock, dataBlock } from './config-block-builder';

/** A network whose qscc answers from a fixed chain, recording the calls. */
function fakeNetwork(blocks: Record<number, Uint8Array>, height: number, calls: string[]): Network {
  const qscc = {
    evaluateTransaction: async (name: string, ...args: string[]) => {
      calls.push(`${name} ${args.join(' ')}`);
      return name === 'GetChainInfo' ? chainInfo(height) : blocks[Number(args[1])];
    },
  };
  return { getContract: (name: string) => (name === 'qscc' ? qscc : undefined) } as unknown as Network;
}

describe('reading the latest config block through qscc', () => {
  it('follows the newest block to the last config block and reads orderers and TLS roots from it', async () => {
    const calls: string[] = [];
    const config = configBlock(3).serializeBinary();
    const network = fakeNetwork({ 3: config, 5: dataBlock(5, 3).serializeBinary() }, 6, calls);
    const bootstrap = await new QsccConfigBlocks(network, 'ops-channel').latestConfigBlock();
    expect(calls).toEqual(['GetChainInfo ops-channel', 'GetBlockByNumber ops-channel 5', 'GetBlockByNumber ops-channel 3']);
    expect(bootstrap).toEqual({
      channel: 'ops-channel',
      blockNumber: 3,
      configBlock: Buffer.from(config).toString('base64'),
      orderers: [{ mspId: 'OrdererMSP', endpoints: ['orderer.example.com:7050', 'orderer2.example.com:7050'] }],
      peers: [{ mspId: 'Org1MSP', endpoints: ['peer0.org1.example.com:7051'] }],
      tlsRootCerts: { OrdererMSP: ['ORDERER-TLS-ROOT'], Org1MSP: ['ORG1-TLS-ROOT'] },
    });
  });

  it('when the newest block is itself the config block, it is not fetched twice', async () => {
    const calls: string[] = [];
    const network = fakeNetwork({ 4: configBlock(4).serializeBinary() }, 5, calls);
    const bootstrap = await new QsccConfigBlocks(network, 'ops-channel').latestConfigBlock();
    expect(bootstrap.blockNumber).toBe(4);
    expect(calls).toEqual(['GetChainInfo ops-channel', 'GetBlockByNumber ops-channel 4']);
  });

  it("when another channel is asked for, it reads that channel's network", async () => {
    const calls: string[] = [];
    const ops = fakeNetwork({}, 1, calls);
    const mychannel = fakeNetwork({ 2: configBlock(2, 'mychannel').serializeBinary() }, 3, calls);
    const bootstrap = await new QsccConfigBlocks(ops, 'ops-channel', (channel) => (channel === 'mychannel' ? mychannel : ops)).latestConfigBlock('mychannel');
    expect(bootstrap).toMatchObject({ channel: 'mychannel', blockNumber: 2 });
    expect(calls).toEqual(['GetChainInfo mychannel', 'GetBlockByNumber mychannel 2']);
  });

  it('when another channel is asked for without a way to reach it, it answers NOT_FOUND', async () => {
    await expect(new QsccConfigBlocks(fakeNetwork({}, 1, []), 'ops-channel').latestConfigBlock('mychannel')).rejects.toThrow(/^NOT_FOUND/);
  });
});
