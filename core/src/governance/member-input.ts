import { OpsError } from '../errors';
import type { ContactMetadata, MspDefinition, NodeEndpoints, NodeOUs, OrdererEndpoint, PeerEndpoint } from '../msp/types';
import { expectArray, expectInteger, expectObject, expectString, optionalString, type JsonObject } from './input-shape';

/**
 * Shape readers for the parts of a member record that arrive as JSON: MSP definitions, node endpoints
 * and contact metadata. They check structure and sizes only; the cryptographic checks are the MSP
 * validator's (core/src/msp). Nothing is defaulted: the result deep-equals the accepted input, so a
 * join request stored after parsing still has the digest its sender signed.
 */
const MAX_LIST = 16;
const PEM = { min: 1, max: 262_144, describe: 'a PEM string' };
const HOST = { max: 253, pattern: /^[A-Za-z0-9.-]+$/, describe: 'a host name or IPv4 address' };

const pemList = (value: unknown, path: string): string[] => expectArray(value, path, MAX_LIST, (v, p) => expectString(v, p, PEM));

function parseNodeOUs(value: unknown, path: string): NodeOUs {
  const obj = expectObject(value, path, ['enable', 'clientOUIdentifier', 'peerOUIdentifier', 'adminOUIdentifier', 'ordererOUIdentifier']);
  if (typeof obj.enable !== 'boolean') {
    throw new OpsError('INVALID_ARGUMENT', `${path}.enable must be a boolean`);
  }
  const ou = (key: string) => expectString(obj[key], `${path}.${key}`, { max: 64 });
  return {
    enable: obj.enable,
    clientOUIdentifier: ou('clientOUIdentifier'),
    peerOUIdentifier: ou('peerOUIdentifier'),
    adminOUIdentifier: ou('adminOUIdentifier'),
    ordererOUIdentifier: ou('ordererOUIdentifier'),
  };
}

/** Reads the structure of an MSP definition whose `mspId` must equal `mspId`. */
export function parseMspDefinitionShape(value: unknown, path: string, mspId: string): MspDefinition {
  const obj = expectObject(value, path, [
    'mspId', 'rootCerts', 'intermediateCerts', 'tlsRootCerts', 'tlsIntermediateCerts', 'admins', 'nodeOUs', 'revocationList',
  ]);
  if (obj.mspId !== mspId) {
    throw new OpsError('INVALID_ARGUMENT', `${path}.mspId must be ${mspId}`);
  }
  const msp: MspDefinition = {
    mspId,
    rootCerts: pemList(obj.rootCerts, `${path}.rootCerts`),
    intermediateCerts: pemList(obj.intermediateCerts, `${path}.intermediateCerts`),
    tlsRootCerts: pemList(obj.tlsRootCerts, `${path}.tlsRootCerts`),
    tlsIntermediateCerts: pemList(obj.tlsIntermediateCerts, `${path}.tlsIntermediateCerts`),
    admins: pemList(obj.admins, `${path}.admins`),
    nodeOUs: parseNodeOUs(obj.nodeOUs, `${path}.nodeOUs`),
    revocationList: pemList(obj.revocationList, `${path}.revocationList`),
  };
  if (msp.rootCerts.length === 0 || msp.tlsRootCerts.length === 0) {
    throw new OpsError('INVALID_ARGUMENT', `${path} needs at least one root and one TLS root certificate`);
  }
  return msp;
}

/** Reads one peer endpoint `{host, port}`. */
export function parsePeer(value: unknown, path: string): PeerEndpoint {
  const obj = expectObject(value, path, ['host', 'port']);
  return { host: expectString(obj.host, `${path}.host`, HOST), port: expectInteger(obj.port, `${path}.port`, 1, 65535) };
}

function parseOrderer(value: unknown, path: string): OrdererEndpoint {
  const obj = expectObject(value, path, ['host', 'port', 'serverTlsCert', 'clientTlsCert', 'consenter']);
  if (typeof obj.consenter !== 'boolean') {
    throw new OpsError('INVALID_ARGUMENT', `${path}.consenter must be a boolean`);
  }
  return {
    ...parsePeer({ host: obj.host, port: obj.port }, path),
    serverTlsCert: expectString(obj.serverTlsCert, `${path}.serverTlsCert`, PEM),
    clientTlsCert: expectString(obj.clientTlsCert, `${path}.clientTlsCert`, PEM),
    consenter: obj.consenter,
  };
}

/** Reads node endpoints (peers, anchor peers, orderers). */
export function parseNodeEndpoints(value: unknown, path: string): NodeEndpoints {
  const obj = expectObject(value, path, ['peers', 'anchorPeers', 'orderers']);
  return {
    peers: expectArray(obj.peers, `${path}.peers`, MAX_LIST, parsePeer),
    anchorPeers: expectArray(obj.anchorPeers, `${path}.anchorPeers`, MAX_LIST, parsePeer),
    orderers: expectArray(obj.orderers, `${path}.orderers`, MAX_LIST, parseOrderer),
  };
}

/** Reads contact metadata; every field is optional. */
export function parseContactMetadata(value: unknown, path: string): ContactMetadata {
  const obj: JsonObject = expectObject(value ?? {}, path, ['organizationName', 'contacts', 'apiUrl', 'description']);
  const out: ContactMetadata = {};
  const organizationName = optionalString(obj.organizationName, `${path}.organizationName`, { max: 256 });
  if (organizationName !== undefined) out.organizationName = organizationName;
  if (obj.contacts !== undefined) {
    out.contacts = expectArray(obj.contacts, `${path}.contacts`, MAX_LIST, (v, p) => {
      const contact = expectObject(v, p, ['name', 'email']);
      return {
        name: expectString(contact.name, `${p}.name`, { max: 256 }),
        email: expectString(contact.email, `${p}.email`, { max: 320, pattern: /^[^\s@]+@[^\s@]+$/, describe: 'an e-mail address' }),
      };
    });
  }
  const apiUrl = optionalString(obj.apiUrl, `${path}.apiUrl`, { max: 2048, pattern: /^https?:\/\/\S+$/, describe: 'an http(s) URL' });
  if (apiUrl !== undefined) out.apiUrl = apiUrl;
  const description = optionalString(obj.description, `${path}.description`);
  if (description !== undefined) out.description = description;
  return out;
}
