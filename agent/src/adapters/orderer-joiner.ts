import type { OrdererAdminConfig } from '../config';
import { readOrdererAdminApi, type ChannelParticipation, type OrdererAdmin, type OrdererAdminApi } from '../fabric';

/** The configured orderer admin endpoint (OPSSC_ORDERER_ADMIN_*) with its TLS files read, or undefined when none is configured. */
export async function readConfiguredOrdererAdmin(admin: OrdererAdminConfig | undefined): Promise<OrdererAdminApi | undefined> {
  return admin && readOrdererAdminApi({ url: admin.url, tlsRootCertFile: admin.tlsCaFile, clientCertFile: admin.tlsCertFile, clientKeyFile: admin.tlsKeyFile });
}
import type { OrdererJoinPort } from '../ports';

/** The orderer-join port over this org's orderer: the participation API to join, Deliver to read block 0. */
export function ordererJoiner(participation: ChannelParticipation, orderer: OrdererAdmin): OrdererJoinPort {
  return {
    async channelStatus(channel) {
      const found = await participation.getChannel(channel);
      return found && { consensusRelation: found.consensusRelation, status: found.status };
    },
    join: async (genesisBlock) => ({ alreadyJoined: (await participation.joinOrderer(genesisBlock)).alreadyJoined }),
    genesisBlock: async (channel) => (await orderer.fetchBlock(channel, 0)).bytes,
    leave: async (channel) => ({ alreadyLeft: (await participation.removeChannel(channel)).alreadyRemoved }),
  };
}
