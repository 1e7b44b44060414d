import { common } from '@hyperledger/fabric-protos';
import type { Network } from '@hyperledger/fabric-gateway';
import { decodeConfigBlock, lastConfigBlockNumber } from '@opssc/channel-config';
import { OpsError } from '@opssc/core';
import type { ChannelBootstrap, ConfigBlockPort } from '../ledger/config-block-port';
import { readBootstrapInfo } from './channel-bootstrap-info';

/**
 * Reads a channel's latest config block from this org's own peer through the query system chaincode
 * (qscc): the chain height gives the newest block, whose metadata names the last config block.
 */
export class QsccConfigBlocks implements ConfigBlockPort {
  /**
   * @param network - the ops channel's network.
   * @param channel - the ops channel.
   * @param networkOf - the network of another channel (the other channels a joining org asked for); without
   *   it only the ops channel can be read.
   */
  constructor(
    private readonly network: Network,
    private readonly channel: string,
    private readonly networkOf?: (channel: string) => Network,
  ) {}

  async latestConfigBlock(channel: string = this.channel): Promise<ChannelBootstrap> {
    const network = channel === this.channel ? this.network : this.networkOf?.(channel);
    if (!network) {
      throw new OpsError('NOT_FOUND', `this server reads only ${this.channel}`);
    }
    const qscc = network.getContract('qscc');
    const info = common.BlockchainInfo.deserializeBinary(await qscc.evaluateTransaction('GetChainInfo', channel));
    const newestBytes = await qscc.evaluateTransaction('GetBlockByNumber', channel, String(info.getHeight() - 1));
    const newest = common.Block.deserializeBinary(newestBytes);
    const configNumber = lastConfigBlockNumber(newest);
    const configBytes =
      configNumber === newest.getHeader()?.getNumber()
        ? newestBytes
        : await qscc.evaluateTransaction('GetBlockByNumber', channel, String(configNumber));
    return {
      channel,
      blockNumber: configNumber,
      configBlock: Buffer.from(configBytes).toString('base64'),
      ...readBootstrapInfo(decodeConfigBlock(configBytes).config),
    };
  }
}
