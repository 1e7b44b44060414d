import { OpsError } from '../errors';

/**
 * Fabric's signature policy language (`OR('Org1MSP.peer','Org2MSP.peer')`, `AND(…)`, `OutOf(2, …)`),
 * parsed into a rule tree over its principals, one per occurrence. (The order in which a
 * `common.SignaturePolicyEnvelope` lists them is Fabric's policydsl's: principals of nested gates come
 * first; agent/src/fabric/signature-policy-envelope.ts compiles it that way.)
 * Pure, so the chaincode validates a proposal's policy and every agent compiles the same bytes.
 */

/** The MSP roles a principal may name. */
export const PolicyRoles = ['member', 'admin', 'client', 'peer', 'orderer'] as const;
export type PolicyRole = (typeof PolicyRoles)[number];

/** One `'MSP.role'` principal. */
export interface PolicyPrincipal {
  mspId: string;
  role: PolicyRole;
}

/** A rule: the signature of principal `signedBy`, or `n` of the nested rules. */
export type PolicyRule = { signedBy: number } | { nOutOf: { n: number; rules: PolicyRule[] } };

/** A parsed signature policy. */
export interface ParsedSignaturePolicy {
  identities: PolicyPrincipal[];
  rule: PolicyRule;
}

const MAX_POLICY_CHARS = 4096;
const MAX_DEPTH = 16;

/** Parses `text`; throws INVALID_ARGUMENT naming `path` when it is not a well-formed policy. */
export function parseSignaturePolicy(text: string, path = 'signaturePolicy'): ParsedSignaturePolicy {
  if (typeof text !== 'string' || text.length === 0 || text.length > MAX_POLICY_CHARS) {
    throw new OpsError('INVALID_ARGUMENT', `${path} must be a policy such as OR('Org1MSP.peer','Org2MSP.peer')`);
  }
  const identities: PolicyPrincipal[] = [];
  let at = 0;
  const fail = (why: string): never => {
    throw new OpsError('INVALID_ARGUMENT', `${path}: ${why} at character ${at}`);
  };
  const skip = () => {
    while (at < text.length && /\s/.test(text[at])) at++;
  };
  const expect = (char: string) => {
    skip();
    if (text[at] !== char) fail(`expected '${char}'`);
    at++;
  };
  const principal = (): PolicyRule => {
    const quote = text[at];
    const end = text.indexOf(quote, at + 1);
    if (end < 0) fail('unterminated principal');
    const body = text.slice(at + 1, end);
    const dot = body.lastIndexOf('.');
    const mspId = body.slice(0, dot);
    const role = body.slice(dot + 1) as PolicyRole;
    if (dot <= 0 || !/^[A-Za-z0-9.-]+$/.test(mspId) || !PolicyRoles.includes(role)) fail(`'${body}' is not MSP.role (${PolicyRoles.join(', ')})`);
    at = end + 1;
    identities.push({ mspId, role });
    return { signedBy: identities.length - 1 };
  };
  const rule = (depth: number): PolicyRule => {
    skip();
    if (depth > MAX_DEPTH) fail('nested too deeply');
    if (text[at] === "'" || text[at] === '"') return principal();
    const name = /^(OR|AND|OutOf)\s*\(/i.exec(text.slice(at));
    if (!name) return fail('expected OR(, AND(, OutOf( or a quoted principal');
    at += name[0].length;
    const op = name[1].toUpperCase();
    let n = 0;
    if (op === 'OUTOF') {
      skip();
      const digits = /^\d+/.exec(text.slice(at));
      if (!digits) fail('OutOf needs a count first');
      n = Number(digits![0]);
      at += digits![0].length;
      expect(',');
    }
    const rules: PolicyRule[] = [rule(depth + 1)];
    for (skip(); text[at] === ','; skip()) {
      at++;
      rules.push(rule(depth + 1));
    }
    expect(')');
    if (op === 'OR') n = 1;
    if (op === 'AND') n = rules.length;
    if (n < 1 || n > rules.length) fail(`OutOf(${n}, …) has ${rules.length} rules`);
    return { nOutOf: { n, rules } };
  };
  const parsed = rule(0);
  skip();
  if (at !== text.length) fail('unexpected trailing text');
  return { identities, rule: parsed };
}
