import type { common, msp as mspProto } from '@hyperledger/fabric-protos';
import { entriesOf, fabricMspOf, groupAt, groupsOf } from './config-maps';

/** The top-level groups that hold organizations. */
export type OrgSection = 'Application' | 'Orderer';

// configtxgen names an org group after the org's Name, which need not be its MSP ID; the MSP value knows.
function mspIdOf(key: string, group: common.ConfigGroup): string {
  return fabricMspOf(group)?.getName() || key;
}

/** The MSP IDs of the orgs under `/Channel/<section>`, sorted. */
export function sectionOrgs(config: common.Config, section: OrgSection): string[] {
  const parent = groupAt(config, [section]);
  return parent ? entriesOf(groupsOf(parent)).map(([key, group]) => mspIdOf(key, group)).sort() : [];
}

/** Every org of the channel: its application and orderer orgs, sorted and distinct. */
export function channelOrgs(config: common.Config): string[] {
  return [...new Set([...sectionOrgs(config, 'Application'), ...sectionOrgs(config, 'Orderer')])].sort();
}

/** The MSP config of org `mspId` as this channel knows it (application group first). */
export function orgMspConfig(config: common.Config, mspId: string): mspProto.FabricMSPConfig | undefined {
  for (const section of ['Application', 'Orderer'] as const) {
    const parent = groupAt(config, [section]);
    const found = parent && entriesOf(groupsOf(parent)).find(([key, group]) => mspIdOf(key, group) === mspId);
    if (found) return fabricMspOf(found[1]);
  }
  return undefined;
}
