import { common } from '@hyperledger/fabric-protos';
import type { Network } from '@hyperledger/fabric-gateway';
import { decodeConfigBlock, lastConfigBlockNumber } from '@opssc/channel-config';
import type { ChannelBootstrap, ConfigBlockPort } from '../ledger/config-block-port';
import { readBootstrapInfo } from './channel-bootstrap-info';

/**
 * Reads the ops channel's latest config block from this org's own peer through the query system
 * chaincode (qscc): the chain height gives the newest block, whose metadata names the last config block.
 */
export class QsccConfigBlocks implements ConfigBlockPort {
  constructor(
    private readonly network: Network,
    private readonly channel: string,
  ) {}

  async latestConfigBlock(): Promise<ChannelBootstrap> {
    const qscc = this.network.getContract('qscc');
    const info = common.BlockchainInfo.deserializeBinary(await qscc.evaluateTransaction('GetChainInfo', this.channel));
    const newestBytes = await qscc.evaluateTransaction('GetBlockByNumber', this.channel, String(info.getHeight() - 1));
    const newest = common.Block.deserializeBinary(newestBytes);
    const configNumber = lastConfigBlockNumber(newest);
    const configBytes =
      configNumber === newest.getHeader()?.getNumber()
        ? newestBytes
        : await qscc.evaluateTransaction('GetBlockByNumber', this.channel, String(configNumber));
    return {
      channel: this.channel,
      blockNumber: configNumber,
      configBlock: Buffer.from(configBytes).toString('base64'),
      ...readBootstrapInfo(decodeConfigBlock(configBytes).config),
    };
  }
}
