import { common, msp, peer } from '@hyperledger/fabric-protos';

const value = (bytes: Uint8Array): common.ConfigValue => {
  const result = new common.ConfigValue();
  result.setValue(bytes);
  return result;
};

function orgGroup(mspId: string, tlsRootPem: string, endpoints?: string[], anchors?: [string, number][]): common.ConfigGroup {
  const fabricMsp = new msp.FabricMSPConfig();
  fabricMsp.setName(mspId);
  fabricMsp.setTlsRootCertsList([Buffer.from(tlsRootPem)]);
  const mspConfig = new msp.MSPConfig();
  mspConfig.setConfig(fabricMsp.serializeBinary());
  const group = new common.ConfigGroup();
  group.getValuesMap().set('MSP', value(mspConfig.serializeBinary()));
  if (anchors) {
    const anchorPeers = new peer.AnchorPeers();
    anchorPeers.setAnchorPeersList(
      anchors.map(([host, port]) => {
        const anchor = new peer.AnchorPeer();
        anchor.setHost(host);
        anchor.setPort(port);
        return anchor;
      }),
    );
    group.getValuesMap().set('AnchorPeers', value(anchorPeers.serializeBinary()));
  }
  if (endpoints) {
    const addresses = new common.OrdererAddresses();
    addresses.setAddressesList(endpoints);
    group.getValuesMap().set('Endpoints', value(addresses.serializeBinary()));
  }
  return group;
}

function blockWith(number: number, lastConfig: number, data: Uint8Array[]): common.Block {
  const header = new common.BlockHeader();
  header.setNumber(number);
  const blockData = new common.BlockData();
  blockData.setDataList(data);
  const ordererMetadata = new common.OrdererBlockMetadata();
  const last = new common.LastConfig();
  last.setIndex(lastConfig);
  ordererMetadata.setLastConfig(last);
  const signatures = new common.Metadata();
  signatures.setValue(ordererMetadata.serializeBinary());
  const metadata = new common.BlockMetadata();
  metadata.setMetadataList([signatures.serializeBinary(), new Uint8Array(), new Uint8Array(), new Uint8Array(), new Uint8Array()]);
  const block = new common.Block();
  block.setHeader(header);
  block.setData(blockData);
  block.setMetadata(metadata);
  return block;
}

/** A config block of a channel with one orderer org and one application org (with one anchor peer). */
export function configBlock(number: number, channelId = 'ops-channel'): common.Block {
  const orderer = new common.ConfigGroup();
  orderer.getGroupsMap().set('OrdererOrg', orgGroup('OrdererMSP', 'ORDERER-TLS-ROOT', ['orderer.example.com:7050', 'orderer2.example.com:7050']));
  const application = new common.ConfigGroup();
  application.getGroupsMap().set('Org1MSP', orgGroup('Org1MSP', 'ORG1-TLS-ROOT', undefined, [['peer0.org1.example.com', 7051]]));
  const channel = new common.ConfigGroup();
  channel.getGroupsMap().set('Orderer', orderer);
  channel.getGroupsMap().set('Application', application);
  const config = new common.Config();
  config.setChannelGroup(channel);
  const configEnvelope = new common.ConfigEnvelope();
  configEnvelope.setConfig(config);
  const channelHeader = new common.ChannelHeader();
  channelHeader.setType(common.HeaderType.CONFIG);
  channelHeader.setChannelId(channelId);
  const header = new common.Header();
  header.setChannelHeader(channelHeader.serializeBinary());
  const payload = new common.Payload();
  payload.setHeader(header);
  payload.setData(configEnvelope.serializeBinary());
  const envelope = new common.Envelope();
  envelope.setPayload(payload.serializeBinary());
  return blockWith(number, number, [envelope.serializeBinary()]);
}

/** An ordinary block whose metadata points at config block `lastConfig`. */
export function dataBlock(number: number, lastConfig: number): common.Block {
  return blockWith(number, lastConfig, [new Uint8Array([1, 2, 3])]);
}

/** qscc's GetChainInfo answer for a chain of `height` blocks. */
export function chainInfo(height: number): Uint8Array {
  const info = new common.BlockchainInfo();
  info.setHeight(height);
  return info.serializeBinary();
}
