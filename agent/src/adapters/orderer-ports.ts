import { configFromBlock } from '@opssc/channel-config';
import { FabricAdminError, type OrdererAdmin } from '../fabric';
import type { BroadcasterPort, ConfigFetcherPort } from '../ports';

// Deliver statuses that mean "this org cannot read the channel", not "try again".
const NOT_READABLE = new Set(['NOT_FOUND', 'FORBIDDEN']);

/** The config fetcher over the org's orderer (Deliver of the latest config block). */
export function ordererConfigFetcher(admin: OrdererAdmin): ConfigFetcherPort {
  return {
    async fetchLatestConfig(channelId) {
      try {
        const fetched = await admin.fetchLatestConfigBlock(channelId);
        const { config, sequence } = configFromBlock(fetched.block);
        return { channelId, blockNumber: fetched.number, sequence, config };
      } catch (err) {
        if (err instanceof FabricAdminError && err.code === 'DELIVER_FAILED' && !err.retryable && NOT_READABLE.has(String(err.status))) return undefined;
        throw err;
      }
    },
  };
}

/** The broadcaster over the org's orderer: refusals are answers, transport failures stay (retryable) errors. */
export function ordererBroadcaster(admin: OrdererAdmin): BroadcasterPort {
  return {
    async broadcast(envelope) {
      try {
        await admin.broadcast(envelope);
        return { status: 'SUCCESS' };
      } catch (err) {
        if (err instanceof FabricAdminError && err.code === 'ORDERER_REJECTED' && !err.retryable && err.status !== undefined) {
          return { status: String(err.status), info: err.detail };
        }
        throw err;
      }
    },
  };
}
