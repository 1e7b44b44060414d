import { OpsError } from '../errors';
import { assertChannelName } from './identifiers';
import { expectInteger, expectObject, expectString } from './input-shape';

/**
 * On-chain records of chaincode packages. A member records, once, which package (its id and sha256)
 * a committed chaincode definition `(channel, name, sequence)` runs. A joining org's agent downloads the
 * package from any member's api-server and installs it only when its hash matches this record, so the
 * package is trusted because of the ledger, never because of the server that served it.
 */

/** Fabric's own chaincode name rule (lifecycle `ChaincodeNameRegExp`). */
const CHAINCODE_NAME = /^[a-zA-Z0-9]+([-_][a-zA-Z0-9]+)*$/;
/** Fabric's own chaincode version rule (lifecycle `ChaincodeVersionRegExp`). */
const CHAINCODE_VERSION = /^[A-Za-z0-9_.+-]+$/;
/** Fabric's package label rule (`persistence.LabelRegexp`): starts alphanumeric. */
const PACKAGE_LABEL = /^[A-Za-z0-9][A-Za-z0-9_.+-]*$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Longest package URL accepted: a proposal stores it on-chain. */
export const MAX_PACKAGE_URL_CHARS = 2048;

/** RFC 3986 characters: printable ASCII without space, quote, angle brackets, braces, pipe, backslash, caret or backtick. */
const URL_CHARACTERS = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+$/;
const BAD_PERCENT_ESCAPE = /%(?![0-9A-Fa-f]{2})/;
const HTTP_SCHEME = /^https?:\/\//i;
/** A DNS name or IPv4 address (dot-separated labels), or a bracketed IPv6 address. */
const URL_HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?|\[[0-9A-Fa-f:.]{2,45}\])$/;

/** Highest definition sequence accepted; sequences are zero-padded in keys so that they sort numerically. */
export const MAX_CHAINCODE_SEQUENCE = 999_999_999;

/** What RecordChaincodePackage takes: one committed definition and the package it runs. */
export interface ChaincodePackageInput {
  channel: string;
  /** The chaincode name of the definition. */
  name: string;
  version: string;
  sequence: number;
  /** `label:sha256`, as a peer computes it when the package is installed. */
  packageId: string;
  /** Lower-case hex SHA-256 of the package file's bytes. */
  sha256: string;
  label: string;
}

/** A package record, stored under `ccpackage~channel~name~sequence`; written once, never changed. */
export interface ChaincodePackageRecord extends ChaincodePackageInput {
  recordedBy: string;
  recordedAt: string;
  txId: string;
  /**
   * Where the package can be fetched, written with the record by the COMMIT step of a DEPLOY_CHAINCODE
   * (a record made with RecordChaincodePackage has neither): the proposal, whose proposer's api-server
   * serves the package at `/api/v1/proposals/<proposalId>/package` ...
   */
  proposalId?: string;
  /** ... and the proposal's `packageUrl`, when it gave one. Neither is trusted: the bytes are checked against `sha256`. */
  packageUrl?: string;
}

/** Zero-pads a definition sequence for use in a key (`7` → `000000007`). */
export function sequenceKeyPart(sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1 || sequence > MAX_CHAINCODE_SEQUENCE) {
    throw new OpsError('INVALID_ARGUMENT', `sequence must be an integer from 1 to ${MAX_CHAINCODE_SEQUENCE}`);
  }
  return String(sequence).padStart(9, '0');
}

/** Reads a `sequence` query argument (a decimal string from 1). */
export function parseSequence(value: string): number {
  if (!/^[1-9]\d{0,8}$/.test(value)) {
    throw new OpsError('INVALID_ARGUMENT', `sequence must be an integer from 1 to ${MAX_CHAINCODE_SEQUENCE}, got ${JSON.stringify(value).slice(0, 20)}`);
  }
  return Number(value);
}

/** Throws INVALID_ARGUMENT unless `value` is a Fabric chaincode name. */
export function assertChaincodeName(value: unknown, path = 'name'): string {
  return expectString(value, path, { max: 128, pattern: CHAINCODE_NAME, describe: 'a Fabric chaincode name such as consortium_ops' });
}

/**
 * Reads a RecordChaincodePackage argument. Every field is required and no other is accepted; the
 * package id must be exactly `label:sha256`, which is how a peer names an installed package, so a
 * record can never point at a package whose bytes it does not describe.
 */
export function parseChaincodePackageInput(value: unknown): ChaincodePackageInput {
  const obj = expectObject(value, 'record', ['channel', 'name', 'version', 'sequence', 'packageId', 'sha256', 'label']);
  const input: ChaincodePackageInput = {
    channel: assertChannelName(obj.channel, 'record.channel'),
    name: assertChaincodeName(obj.name, 'record.name'),
    version: expectString(obj.version, 'record.version', { max: 128, pattern: CHAINCODE_VERSION, describe: 'a Fabric chaincode version such as 1.0' }),
    sequence: expectInteger(obj.sequence, 'record.sequence', 1, MAX_CHAINCODE_SEQUENCE),
    packageId: expectString(obj.packageId, 'record.packageId', { max: 256 }),
    sha256: expectString(obj.sha256, 'record.sha256', { min: 64, max: 64, pattern: SHA256_HEX, describe: 'lower-case hex SHA-256' }),
    label: expectString(obj.label, 'record.label', { max: 128, pattern: PACKAGE_LABEL, describe: 'a Fabric package label such as consortium_ops_1.0' }),
  };
  if (input.packageId !== `${input.label}:${input.sha256}`) {
    throw new OpsError('INVALID_ARGUMENT', 'record.packageId must be <label>:<sha256>');
  }
  return input;
}

/**
 * Reads the URL a DEPLOY_CHAINCODE gives its package at, which every member's agent downloads from. It
 * is checked here, by plain string rules, rather than with WHATWG `URL`: the chaincode must reach the
 * same verdict on every peer whatever its Node version, and the rules accept only a strict subset of
 * URLs that every parser reads alike:
 * - `http:` or `https:`, at most {@link MAX_PACKAGE_URL_CHARS} characters of RFC 3986 ASCII;
 * - no user name or password: the URL is on-chain, readable by every member, so it must hold no secret;
 * - no fragment: it is never sent to the server, so it could only make two URLs differ for nothing;
 * - a host that is a DNS name, an IPv4 address or a bracketed IPv6 address, and an optional port 1 to 65535.
 */
export function parsePackageUrl(value: unknown, path = 'packageUrl'): string {
  const url = expectString(value, path, { max: MAX_PACKAGE_URL_CHARS, describe: `a URL of 1 to ${MAX_PACKAGE_URL_CHARS} characters` });
  const refuse = (why: string): never => {
    throw new OpsError('INVALID_ARGUMENT', `${path} ${why}`);
  };
  if (!URL_CHARACTERS.test(url) || BAD_PERCENT_ESCAPE.test(url)) refuse('must be printable ASCII without spaces; percent-encode anything else');
  if (!HTTP_SCHEME.test(url)) refuse('must be an http: or https: URL such as https://example.com/basic_1.0.tar.gz');
  if (url.includes('#')) refuse('must have no fragment (#…)');
  // the authority ends at the first '/' or '?' (no backslash or '#' got this far), as WHATWG URL reads it too
  const authority = url.slice(url.indexOf('//') + 2).split(/[/?]/, 1)[0];
  if (authority.includes('@')) refuse('must carry no user name or password: it is stored on-chain, where every member reads it');
  const portAt = authority.lastIndexOf(':') > authority.lastIndexOf(']') ? authority.lastIndexOf(':') : -1;
  const host = portAt < 0 ? authority : authority.slice(0, portAt);
  if (!URL_HOST.test(host)) refuse('must name a host: a DNS name, an IPv4 address or a bracketed IPv6 address');
  if (portAt >= 0) {
    const port = authority.slice(portAt + 1);
    if (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535) refuse('has a port that is not 1 to 65535');
  }
  return url;
}

/** True when a stored record describes exactly the given input (who recorded it, when, and where the package is fetched from do not count). */
export function samePackageRecord(record: ChaincodePackageInput, input: ChaincodePackageInput): boolean {
  return (
    record.channel === input.channel &&
    record.name === input.name &&
    record.version === input.version &&
    record.sequence === input.sequence &&
    record.packageId === input.packageId &&
    record.sha256 === input.sha256 &&
    record.label === input.label
  );
}
