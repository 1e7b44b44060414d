import type { common } from '@hyperledger/fabric-protos';
import { entriesOf, groupsOf, policiesOf, valuesOf, type ProtoMapView } from './config-maps';
import { configPolicySatisfied, resolvePolicy, type Principal } from './policy-evaluation';

/** A policy a config update must satisfy: its group below /Channel and its name, and the element that needs it. */
export interface RequiredPolicy {
  groupPath: string[];
  name: string;
  element: string;
}

type Versioned = { getVersion(): number; getModPolicy(): string };

function modifiedLeaves(path: string[], kind: string, current: ProtoMapView<Versioned>, written: ProtoMapView<Versioned>, out: RequiredPolicy[]): void {
  for (const [key, item] of entriesOf(written)) {
    const existing = current.get(key);
    // a new element is authorized by its group's version bump; a modified one by its own mod_policy,
    // which is relative to the group that holds it
    if (existing && existing.getVersion() !== item.getVersion()) {
      out.push({ ...resolvePolicy(path, existing.getModPolicy()), element: `/Channel/${[...path, kind, key].join('/')}` });
    }
  }
}

function walk(path: string[], current: common.ConfigGroup | undefined, written: common.ConfigGroup, out: RequiredPolicy[]): void {
  if (!current) return;
  if (current.getVersion() !== written.getVersion()) {
    // a group's mod_policy is relative to the group itself
    out.push({ ...resolvePolicy(path, current.getModPolicy()), element: `/Channel/${path.join('/')}` });
  }
  modifiedLeaves(path, 'values', valuesOf(current), valuesOf(written), out);
  modifiedLeaves(path, 'policies', policiesOf(current), policiesOf(written), out);
  for (const [key, sub] of entriesOf(groupsOf(written))) walk([...path, key], groupsOf(current).get(key), sub, out);
}

/**
 * The mod_policies the orderer will check for `update` against `config`: one per existing element whose
 * version the write set changes (configtx's verifyDeltaSet), resolved the way Fabric resolves them.
 */
export function requiredModPolicies(config: common.Config, update: common.ConfigUpdate): RequiredPolicy[] {
  const out: RequiredPolicy[] = [];
  const writeSet = update.getWriteSet();
  if (writeSet) walk([], config.getChannelGroup(), writeSet, out);
  return out;
}

/** Admin signatures of `signers` satisfy ROLE principals ADMIN and MEMBER of their org. */
export function adminSignaturesOf(signers: readonly string[]): (principal: Principal) => boolean {
  const orgs = new Set(signers);
  return (p) => p.classification === 'ROLE' && p.mspId !== undefined && orgs.has(p.mspId) && (p.role === 'ADMIN' || p.role === 'MEMBER');
}

/** The required policies that admin signatures of `signers` do not satisfy yet (empty: ready to submit). */
export function unsatisfiedModPolicies(config: common.Config, update: common.ConfigUpdate, signers: readonly string[]): RequiredPolicy[] {
  const test = adminSignaturesOf(signers);
  return requiredModPolicies(config, update).filter((p) => !configPolicySatisfied(config, p.groupPath, p.name, test));
}
