import { common } from '@hyperledger/fabric-protos';
import type { ImplicitMetaRule } from '@opssc/core';

/** How an ImplicitMeta policy combines the same-named policies of a group's sub-groups (its orgs): core's rule names. */
export type { ImplicitMetaRule };

type RuleCode = common.ImplicitMetaPolicy.RuleMap[keyof common.ImplicitMetaPolicy.RuleMap];

const RULE_CODES: Record<ImplicitMetaRule, RuleCode> = {
  ANY: common.ImplicitMetaPolicy.Rule.ANY,
  ALL: common.ImplicitMetaPolicy.Rule.ALL,
  MAJORITY: common.ImplicitMetaPolicy.Rule.MAJORITY,
};

/** True when `value` is an ImplicitMeta rule; specs may come from JSON. */
export function isImplicitMetaRule(value: unknown): value is ImplicitMetaRule {
  return typeof value === 'string' && Object.hasOwn(RULE_CODES, value);
}

/** The policy configtx.yaml writes as `Type: ImplicitMeta, Rule: "<rule> <subPolicy>"`, e.g. `MAJORITY Admins`. */
export function implicitMetaPolicy(rule: ImplicitMetaRule, subPolicy: string): common.Policy {
  const meta = new common.ImplicitMetaPolicy();
  meta.setSubPolicy(subPolicy);
  meta.setRule(RULE_CODES[rule]);
  const policy = new common.Policy();
  policy.setType(common.Policy.PolicyType.IMPLICIT_META);
  policy.setValue(meta.serializeBinary());
  return policy;
}
