import { createHash } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** A package id as a peer names an installed package: `label:sha256`, with Fabric's label characters. */
export const PACKAGE_ID_PATTERN = /^[A-Za-z0-9_.+-]+:[0-9a-f]{64}$/;

/** Fabric's own gRPC message limit; no installable package is larger. */
const MAX_PACKAGE_BYTES = 100 * 1024 * 1024;

/** A package file found for a package id. */
export interface PackageFile {
  fileName: string;
  bytes: Buffer;
}

/**
 * The chaincode package files of `OPSSC_CHAINCODE_PACKAGES_DIR`, each named `<label>.tar.gz`. A file is
 * served for `label:sha256` only when its bytes hash to that sha256, so a package id can only ever
 * return the package it names. The file is read whole and hashed before anything is sent: hashing a
 * stream and then streaming the file again would let a file replaced in between go out unchecked.
 */
export class PackageFiles {
  constructor(private readonly dir: string) {}

  /** The package named `packageId`, or undefined when this directory does not hold it. */
  async find(packageId: string): Promise<PackageFile | undefined> {
    if (!PACKAGE_ID_PATTERN.test(packageId)) {
      return undefined;
    }
    const separator = packageId.lastIndexOf(':');
    const sha256 = packageId.slice(separator + 1);
    const fileName = `${packageId.slice(0, separator)}.tar.gz`;
    const root = await realpath(this.dir);
    const path = await realpath(join(root, fileName)).catch(() => undefined);
    // The pattern already forbids '/', but a symlink in the directory could still lead elsewhere:
    // only a file that really lives in the directory itself is served.
    if (!path || dirname(path) !== root) {
      return undefined;
    }
    const info = await stat(path);
    if (!info.isFile() || info.size > MAX_PACKAGE_BYTES) {
      return undefined;
    }
    const bytes = await readFile(path);
    return createHash('sha256').update(bytes).digest('hex') === sha256 ? { fileName, bytes } : undefined;
  }
}
