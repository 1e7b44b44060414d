import { checkFrom } from '../check-result';
import { subjectOUs } from '../parsed-cert';
import type { ValidationCheck } from '../types';
import type { CheckInput } from './check-input';

const OU_FIELDS = ['clientOUIdentifier', 'peerOUIdentifier', 'adminOUIdentifier', 'ordererOUIdentifier'] as const;
// OU values end up in the channel config's NodeOUs and in subject matching; keep them printable and short.
const OU_PATTERN = /^[\x21-\x7e](?:[\x20-\x7e]{0,62}[\x21-\x7e])?$/;

/**
 * `node-ous`: the NodeOU settings are coherent. When enabled, the four OU identifiers are non-empty,
 * printable and distinct (two roles sharing an OU would make a client an admin). When disabled,
 * there must be explicit admins, or the org would have no admin at all.
 */
export function checkNodeOUs({ msp }: CheckInput): ValidationCheck {
  const ous = msp.nodeOUs;
  const problems: string[] = [];
  if (ous.enable) {
    for (const f of OU_FIELDS) {
      if (!OU_PATTERN.test(ous[f])) problems.push(`nodeOUs.${f} "${ous[f].slice(0, 80)}" is empty or not printable (1-64 characters)`);
    }
    const values = OU_FIELDS.map((f) => ous[f]);
    if (new Set(values).size !== values.length) problems.push('nodeOUs identifiers are not distinct');
  } else if (msp.admins.length === 0) {
    problems.push('NodeOUs are disabled and admins is empty: the org would have no admin');
  }
  return checkFrom('node-ous', problems);
}

/**
 * `admin-ou`: with NodeOUs enabled, every explicit admin carries OU=<adminOUIdentifier>. Fabric 2.x
 * classifies identities by OU when NodeOUs are on, so an explicit admin without it would be
 * recognised as an admin here but not consistently by every policy.
 */
export function checkAdminOU({ msp, parsed }: CheckInput): ValidationCheck {
  if (!msp.nodeOUs.enable) {
    return checkFrom('admin-ou', [], 'NodeOUs disabled: admins are explicit');
  }
  const adminOU = msp.nodeOUs.adminOUIdentifier;
  const problems = parsed.admins.filter((a) => !subjectOUs(a).includes(adminOU)).map((a) => `${a.field}: subject lacks OU=${adminOU}`);
  return checkFrom('admin-ou', problems);
}
