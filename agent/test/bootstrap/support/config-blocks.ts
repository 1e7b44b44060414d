import { common, msp, peer } from '@hyperledger/fabric-protos';

/** One org in a test channel config: its MSP ID and, optionally, anchor peers (`host:port`). */
export interface TestOrg {
  mspId: string;
  anchorPeers?: string[];
  orderer?: boolean;
}

function value(bytes: Uint8Array): common.ConfigValue {
  const configValue = new common.ConfigValue();
  configValue.setValue(bytes);
  return configValue;
}

// Group keys are the org name without "MSP", as configtxgen writes them when Name differs from the MSP ID,
// so the code under test must find orgs by the MSP value, not by the group key.
function orgGroup(org: TestOrg): common.ConfigGroup {
  const fabricMsp = new msp.FabricMSPConfig();
  fabricMsp.setName(org.mspId);
  const mspConfig = new msp.MSPConfig();
  mspConfig.setConfig(fabricMsp.serializeBinary());
  const group = new common.ConfigGroup();
  group.getValuesMap().set('MSP', value(mspConfig.serializeBinary()));
  if (org.anchorPeers?.length) {
    const anchors = new peer.AnchorPeers();
    anchors.setAnchorPeersList(
      org.anchorPeers.map((endpoint) => {
        const [host, port] = endpoint.split(':');
        const anchor = new peer.AnchorPeer();
        anchor.setHost(host);
        anchor.setPort(Number(port));
        return anchor;
      }),
    );
    group.getValuesMap().set('AnchorPeers', value(anchors.serializeBinary()));
  }
  return group;
}

/** A config block of `channel` numbered `number`, whose config lists `orgs` (orderer orgs too when `orderer`). */
export function configBlock(channel: string, number: number, orgs: TestOrg[]): Uint8Array {
  const application = new common.ConfigGroup();
  const orderer = new common.ConfigGroup();
  for (const org of orgs) {
    application.getGroupsMap().set(org.mspId.replace(/MSP$/, ''), orgGroup(org));
    if (org.orderer) orderer.getGroupsMap().set(org.mspId.replace(/MSP$/, ''), orgGroup({ mspId: org.mspId }));
  }
  const root = new common.ConfigGroup();
  root.getGroupsMap().set('Application', application);
  root.getGroupsMap().set('Orderer', orderer);
  const config = new common.Config();
  config.setSequence(number);
  config.setChannelGroup(root);
  const envelopeConfig = new common.ConfigEnvelope();
  envelopeConfig.setConfig(config);
  const channelHeader = new common.ChannelHeader();
  channelHeader.setType(common.HeaderType.CONFIG);
  channelHeader.setChannelId(channel);
  const header = new common.Header();
  header.setChannelHeader(channelHeader.serializeBinary());
  const payload = new common.Payload();
  payload.setHeader(header);
  payload.setData(envelopeConfig.serializeBinary());
  const envelope = new common.Envelope();
  envelope.setPayload(payload.serializeBinary());
  const data = new common.BlockData();
  data.setDataList([envelope.serializeBinary()]);
  const blockHeader = new common.BlockHeader();
  blockHeader.setNumber(number);
  const block = new common.Block();
  block.setHeader(blockHeader);
  block.setData(data);
  return block.serializeBinary();
}
