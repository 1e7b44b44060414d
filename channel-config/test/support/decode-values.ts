import { common, msp as mspProto, orderer, peer } from '@hyperledger/fabric-protos';

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');

function valueOf(group: common.ConfigGroup, key: string): Uint8Array {
  const value = group.getValuesMap().get(key) as common.ConfigValue | undefined;
  if (!value) throw new Error(`no ${key} value`);
  return value.getValue_asU8();
}

/** The FabricMSPConfig in an org group's MSP value. */
export function decodeMsp(org: common.ConfigGroup): mspProto.FabricMSPConfig {
  const config = mspProto.MSPConfig.deserializeBinary(valueOf(org, 'MSP'));
  expect(config.getType()).toBe(0);
  return mspProto.FabricMSPConfig.deserializeBinary(config.getConfig_asU8());
}

/** An org group's anchor peers as `host:port`. */
export function decodeAnchorPeers(org: common.ConfigGroup): string[] {
  return peer.AnchorPeers.deserializeBinary(valueOf(org, 'AnchorPeers'))
    .getAnchorPeersList()
    .map((p) => `${p.getHost()}:${p.getPort()}`);
}

/** An orderer org group's Endpoints. */
export function decodeEndpoints(org: common.ConfigGroup): string[] {
  return common.OrdererAddresses.deserializeBinary(valueOf(org, 'Endpoints')).getAddressesList();
}

/** A signature policy of a group rendered as `n-of[msp.ROLE, ...]`, e.g. `1-of[Org1MSP.ADMIN]`. */
export function describePolicy(group: common.ConfigGroup, name: string): string {
  const configPolicy = group.getPoliciesMap().get(name) as common.ConfigPolicy;
  const policy = configPolicy.getPolicy() as common.Policy;
  expect(policy.getType()).toBe(common.Policy.PolicyType.SIGNATURE);
  const envelope = common.SignaturePolicyEnvelope.deserializeBinary(policy.getValue_asU8());
  const roleNames = Object.fromEntries(Object.entries(mspProto.MSPRole.MSPRoleType).map(([k, v]) => [v, k]));
  const identities = envelope.getIdentitiesList().map((principal) => {
    const role = mspProto.MSPRole.deserializeBinary(principal.getPrincipal_asU8());
    return `${role.getMspIdentifier()}.${roleNames[role.getRole()]}`;
  });
  const nOutOf = envelope.getRule()?.getNOutOf();
  const signers = nOutOf?.getRulesList().map((rule) => identities[rule.getSignedBy()]) ?? [];
  return `${configPolicy.getModPolicy()}:${nOutOf?.getN()}-of[${signers.join(', ')}]`;
}

/** The Raft consenters of a config as `host:port`, with their TLS certs as text. */
export function decodeConsenters(config: common.Config): { endpoint: string; server: string; client: string }[] {
  const ordererGroup = config.getChannelGroup()?.getGroupsMap().get('Orderer') as common.ConfigGroup;
  const consensus = orderer.ConsensusType.deserializeBinary(valueOf(ordererGroup, 'ConsensusType'));
  return orderer.etcdraft.ConfigMetadata.deserializeBinary(consensus.getMetadata_asU8())
    .getConsentersList()
    .map((c) => ({ endpoint: `${c.getHost()}:${c.getPort()}`, server: text(c.getServerTlsCert_asU8()), client: text(c.getClientTlsCert_asU8()) }));
}

/** Certificate byte lists decoded back to PEM text. */
export const pems = (list: Uint8Array[]) => list.map(text);
