import { gunzipSync } from 'node:zlib';
import { OpsError } from '@opssc/core';

/** Fabric's package label rule (`persistence.LabelRegexp`). */
const LABEL = /^[A-Za-z0-9][A-Za-z0-9_.+-]{0,127}$/;

/** The most a package may inflate to: Fabric itself caps what it accepts at its gRPC message size. */
const MAX_INFLATED_BYTES = 256 * 1024 * 1024;

/** The `metadata.json` of a chaincode package: what the peer reads to name and build it. */
export interface PackageMetadata {
  label: string;
  type: string;
}

const invalid = (why: string) => new OpsError('INVALID_ARGUMENT', `not a chaincode package: ${why}`);

/**
 * Reads `metadata.json` from a chaincode package (a gzipped tar of metadata.json and code.tar.gz, as
 * `peer lifecycle chaincode package` writes it). The label is what the package id starts with, so the
 * server names the file after it and the package id is `<label>:<sha256>`, as a peer computes it.
 */
export function readPackageMetadata(bytes: Buffer): PackageMetadata {
  let tar: Buffer;
  try {
    tar = gunzipSync(bytes, { maxOutputLength: MAX_INFLATED_BYTES });
  } catch {
    throw invalid('the body is not gzip data');
  }
  for (let at = 0; at + 512 <= tar.length; ) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const name = header.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
    const size = parseInt(header.subarray(124, 136).toString('utf8').replace(/\0.*$/s, '').trim() || '0', 8);
    if (!Number.isSafeInteger(size) || size < 0) throw invalid('a tar header is malformed');
    if (name === 'metadata.json') {
      return parseMetadata(tar.subarray(at + 512, at + 512 + size));
    }
    at += 512 + Math.ceil(size / 512) * 512;
  }
  throw invalid('it has no metadata.json');
}

function parseMetadata(bytes: Buffer): PackageMetadata {
  let json: { label?: unknown; type?: unknown };
  try {
    json = JSON.parse(bytes.toString('utf8')) as typeof json;
  } catch {
    throw invalid('metadata.json is not JSON');
  }
  if (typeof json.label !== 'string' || !LABEL.test(json.label)) throw invalid('metadata.json has no valid label');
  if (typeof json.type !== 'string') throw invalid('metadata.json has no type');
  return { label: json.label, type: json.type };
}
