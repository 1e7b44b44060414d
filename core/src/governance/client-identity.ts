import type { NodeOUs } from '../msp/types';

/** One attribute of a distinguished name, such as `{ name: 'OU', value: 'admin' }`. */
export interface DnAttribute {
  name: string;
  value: string;
}

/** The subject and issuer of a client identity id. */
export interface ParsedClientId {
  subject: DnAttribute[];
  issuer: DnAttribute[];
}

/**
 * Parses `ctx.clientIdentity.getID()`. fabric-chaincode-node gives `x509::/C=US/OU=admin/CN=x::/C=US/CN=ca`
 * (a `/` inside a value is escaped as `\/`); Go shims and older SDKs give the RFC 2253-like comma form
 * `x509::CN=x,OU=admin+OU=org1,C=US::CN=ca`, sometimes base64-encoded. All three are accepted.
 */
export function parseClientId(id: string): ParsedClientId {
  let text = id;
  if (!text.startsWith('x509::')) {
    const decoded = Buffer.from(text, 'base64').toString('utf8');
    text = decoded.startsWith('x509::') ? decoded : text;
  }
  const body = text.startsWith('x509::') ? text.slice('x509::'.length) : text;
  const cut = body.indexOf('::');
  const subject = cut >= 0 ? body.slice(0, cut) : body;
  const issuer = cut >= 0 ? body.slice(cut + 2) : '';
  return { subject: parseDn(subject), issuer: parseDn(issuer) };
}

function parseDn(dn: string): DnAttribute[] {
  const parts = dn.startsWith('/') ? splitUnescaped(dn.slice(1), '/') : splitUnescaped(dn, ',').flatMap((rdn) => splitUnescaped(rdn, '+'));
  const out: DnAttribute[] = [];
  for (const part of parts) {
    const eq = part.indexOf('=');
    if (eq > 0) {
      out.push({ name: part.slice(0, eq).trim().toUpperCase(), value: part.slice(eq + 1).trim().replace(/\\(.)/g, '$1') });
    }
  }
  return out;
}

function splitUnescaped(text: string, separator: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) {
      current += c + text[i + 1];
      i++;
    } else if (c === separator) {
      out.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  out.push(current);
  return out.filter((part) => part.length > 0);
}

/** The `OU=` values of a client identity's subject. */
export function subjectOrganizationalUnits(id: string): string[] {
  return parseClientId(id)
    .subject.filter((a) => a.name === 'OU')
    .map((a) => a.value);
}

/** A NodeOU role. */
export type NodeRole = 'admin' | 'client' | 'peer' | 'orderer' | 'none';

const FABRIC_CA_NODE_OUS: NodeOUs = {
  enable: true,
  adminOUIdentifier: 'admin',
  clientOUIdentifier: 'client',
  peerOUIdentifier: 'peer',
  ordererOUIdentifier: 'orderer',
};

/**
 * The NodeOU role carried by an identity's OUs, using the org's own NodeOU identifiers (Fabric CA's
 * defaults when none are given). An org with NodeOUs disabled gets `none`: its admins are its explicit
 * admin certificates, which the caller compares separately. Should a certificate carry several role
 * OUs, it is never treated as admin, so an extra OU can never elevate it.
 */
export function nodeOuRole(ous: readonly string[], nodeOUs: NodeOUs | undefined): NodeRole {
  if (nodeOUs && !nodeOUs.enable) {
    return 'none';
  }
  const ids = nodeOUs ?? FABRIC_CA_NODE_OUS;
  const roles: NodeRole[] = [];
  if (ous.includes(ids.adminOUIdentifier)) roles.push('admin');
  if (ous.includes(ids.clientOUIdentifier)) roles.push('client');
  if (ous.includes(ids.peerOUIdentifier)) roles.push('peer');
  if (ous.includes(ids.ordererOUIdentifier)) roles.push('orderer');
  return roles.length === 1 ? roles[0] : roles.length === 0 ? 'none' : roles.filter((r) => r !== 'admin')[0];
}
