import { connectOrdererAdmin, FabricAdminError, type OrdererAdmin, type PeerAdmin, type SigningIdentity } from '../fabric';
import type { ChannelJoinPort, MemberOrderer } from '../ports';

// Deliver answers meaning "this orderer does not serve that channel to this org (yet)".
const NOT_READABLE = new Set(['NOT_FOUND', 'FORBIDDEN']);

/**
 * The channel-join port over this org's peer and the other members' orderers (from their member
 * records), each reached with a short-lived connection and tried in turn.
 */
export function peerChannelJoiner(peer: PeerAdmin, identity: SigningIdentity): ChannelJoinPort {
  /** The first answer of `read` from one of `orderers`, tried in turn; undefined when none serves the channel to this org. */
  async function fromFirstServing(orderers: readonly MemberOrderer[], read: (admin: OrdererAdmin) => Promise<Uint8Array>): Promise<Uint8Array | undefined> {
    let lastError: unknown;
    for (const orderer of orderers) {
      const admin = connectOrdererAdmin({ endpoint: { address: orderer.address, tlsRootCert: Buffer.from(orderer.tlsRootCerts.join('\n')) }, identity });
      try {
        return await read(admin);
      } catch (err) {
        if (!(err instanceof FabricAdminError)) throw err;
        if (!(err.code === 'DELIVER_FAILED' && !err.retryable && NOT_READABLE.has(String(err.status)))) lastError = err;
      } finally {
        admin.close();
      }
    }
    if (lastError) throw lastError;
    return undefined;
  }
  return {
    joinedChannels: () => peer.listChannels(),
    fetchGenesisBlock: (channel, orderers) => fromFirstServing(orderers, async (admin) => (await admin.fetchBlock(channel, 0)).bytes),
    fetchLatestConfigBlock: (channel, orderers) => fromFirstServing(orderers, async (admin) => (await admin.fetchLatestConfigBlock(channel)).bytes),
    joinPeer: async (genesisBlock) => ({ alreadyJoined: (await peer.joinChannel(genesisBlock)).alreadyJoined }),
  };
}
