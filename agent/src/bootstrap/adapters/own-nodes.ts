import { isAccessDenied, type ChaincodeLifecycle, type ChannelParticipation, type PeerAdmin } from '../../fabric';
import type { OwnOrdererPort, OwnPeerPort } from '../bootstrap-ports';

/** This org's peer: cscc, qscc and `_lifecycle` through the admin client, approvals through the org's own gateway. */
export function ownPeer(admin: PeerAdmin, lifecycle: ChaincodeLifecycle): OwnPeerPort {
  return {
    listChannels: () => admin.listChannels(),
    joinChannel: async (genesisBlock) => ({ alreadyJoined: (await admin.joinChannel(genesisBlock)).alreadyJoined }),
    height: async (channel) => {
      try {
        return (await admin.getChainInfo(channel)).height;
      } catch (err) {
        // qscc's ACL is the channel's Readers policy as the peer knows it: until the peer has processed the
        // config block that added this org, it answers "access denied" to this org's admin.
        if (isAccessDenied(err)) return undefined;
        throw err;
      }
    },
    queryCommitted: (channel) => admin.queryCommitted(channel),
    installedPackageIds: async () => (await admin.queryInstalled()).map((installed) => installed.packageId),
    install: async (packageBytes) => {
      const installed = await admin.installChaincode(packageBytes);
      return { packageId: installed.packageId, alreadyInstalled: installed.alreadyInstalled };
    },
    approve: async (definition, packageId) => ({ status: (await lifecycle.approve(definition, packageId)).status }),
  };
}

/** This org's orderer, through its channel participation API. */
export function ownOrderer(participation: ChannelParticipation): OwnOrdererPort {
  return {
    getChannel: (channel) => participation.getChannel(channel),
    join: async (configBlock) => {
      const joined = await participation.joinOrderer(configBlock);
      return { alreadyJoined: joined.alreadyJoined, channel: joined.channel };
    },
  };
}
