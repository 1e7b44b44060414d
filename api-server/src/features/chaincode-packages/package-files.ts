import { createHash } from 'node:crypto';
import { randomBytes } from 'node:crypto';
import { link, readFile, realpath, stat, unlink, writeFile } from 'node:fs/promises';
import { OpsError } from '@opssc/core';
import { dirname, join } from 'node:path';

/** A package id as a peer names an installed package: `label:sha256`, with Fabric's label characters. */
export const PACKAGE_ID_PATTERN = /^[A-Za-z0-9_.+-]+:[0-9a-f]{64}$/;

/** Fabric's own gRPC message limit; no installable package is larger. */
export const MAX_PACKAGE_BYTES = 100 * 1024 * 1024;

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

  /**
   * Stores `bytes` as `<label>.tar.gz`. The same package again is a no-op (`stored: false`); another
   * package under a label already taken is refused with PACKAGE_LABEL_TAKEN, because a file is never
   * replaced under a package id that someone may already have approved. The file appears whole or not at
   * all: it is written under a temporary name and hard-linked, which fails if a concurrent upload won.
   */
  async store(label: string, bytes: Buffer): Promise<{ packageId: string; sha256: string; stored: boolean }> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const packageId = `${label}:${sha256}`;
    const root = await realpath(this.dir);
    const target = join(root, `${label}.tar.gz`);
    const sameAsExisting = async () => {
      const existing = await readFile(target).catch(() => undefined);
      if (!existing) return undefined;
      if (createHash('sha256').update(existing).digest('hex') === sha256) return true;
      throw new OpsError('PACKAGE_LABEL_TAKEN', `this server already holds another package labelled ${label}; give the new one a new label`);
    };
    if (await sameAsExisting()) return { packageId, sha256, stored: false };
    const temporary = join(root, `.upload-${randomBytes(8).toString('hex')}`);
    try {
      await writeFile(temporary, bytes, { flag: 'wx' });
      await link(temporary, target);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST' && (await sameAsExisting())) return { packageId, sha256, stored: false };
      throw err;
    } finally {
      await unlink(temporary).catch(() => undefined);
    }
    return { packageId, sha256, stored: true };
  }
}
