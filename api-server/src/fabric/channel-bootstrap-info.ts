import { common, msp, peer } from '@hyperledger/fabric-protos';
import type { OrgEndpoints } from '../ledger/config-block-port';

/** Orderer endpoints, anchor peers and TLS roots read from a channel config. */
export interface BootstrapInfo {
  orderers: OrgEndpoints[];
  peers: OrgEndpoints[];
  tlsRootCerts: Record<string, string[]>;
}

const pem = (bytes: Uint8Array): string => Buffer.from(bytes).toString('utf8');

/**
 * Reads what a joining org's agent needs to reach the channel: each orderer org's `Endpoints` value, each
 * application org's `AnchorPeers` value and every org's TLS root and intermediate certificates (Fabric
 * stores them as PEM bytes in the MSP value).
 */
export function readBootstrapInfo(config: common.Config): BootstrapInfo {
  const channelGroup = config.getChannelGroup();
  const orderers: OrgEndpoints[] = [];
  const peers: OrgEndpoints[] = [];
  const tlsRootCerts: Record<string, string[]> = {};
  for (const section of ['Orderer', 'Application']) {
    channelGroup?.getGroupsMap().get(section)?.getGroupsMap().forEach((orgGroup: common.ConfigGroup, orgName: string) => {
      const mspValue = orgGroup.getValuesMap().get('MSP');
      const mspConfig = mspValue && msp.FabricMSPConfig.deserializeBinary(msp.MSPConfig.deserializeBinary(mspValue.getValue_asU8()).getConfig_asU8());
      const mspId = mspConfig?.getName() || orgName;
      if (mspConfig) {
        tlsRootCerts[mspId] = [...mspConfig.getTlsRootCertsList_asU8(), ...mspConfig.getTlsIntermediateCertsList_asU8()].map(pem);
      }
      const endpoints = orgGroup.getValuesMap().get('Endpoints');
      if (section === 'Orderer' && endpoints) {
        orderers.push({ mspId, endpoints: common.OrdererAddresses.deserializeBinary(endpoints.getValue_asU8()).getAddressesList() });
      }
      const anchors = orgGroup.getValuesMap().get('AnchorPeers');
      if (section === 'Application' && anchors) {
        const list = peer.AnchorPeers.deserializeBinary(anchors.getValue_asU8()).getAnchorPeersList();
        peers.push({ mspId, endpoints: list.map((anchor) => `${anchor.getHost()}:${anchor.getPort()}`) });
      }
    });
  }
  return { orderers, peers, tlsRootCerts };
}
