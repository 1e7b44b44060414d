import { canonicalJson, type KeySpec } from '@opssc/core';
import type { ChaincodeStub } from 'fabric-shim-api';

/**
 * Typed JSON access to the world state. Every value is written as canonical JSON (sorted keys), so
 * all endorsers produce byte-identical write sets. Remember: reads return the COMMITTED value; a
 * transaction never sees its own writes.
 */
export function keyOf(stub: ChaincodeStub, key: KeySpec): string {
  return stub.createCompositeKey(key.objectType, key.attributes);
}

/** The committed value at `key`, or undefined. */
export async function getJson<T>(stub: ChaincodeStub, key: KeySpec): Promise<T | undefined> {
  const bytes = await stub.getState(keyOf(stub, key));
  return bytes && bytes.length > 0 ? (JSON.parse(Buffer.from(bytes).toString('utf8')) as T) : undefined;
}

/** Writes `value` at `key` as canonical JSON. */
export async function putJson(stub: ChaincodeStub, key: KeySpec, value: unknown): Promise<void> {
  await stub.putState(keyOf(stub, key), Buffer.from(canonicalJson(value), 'utf8'));
}

/** Deletes `key`. */
export async function deleteKey(stub: ChaincodeStub, key: KeySpec): Promise<void> {
  await stub.deleteState(keyOf(stub, key));
}

/**
 * Every value under a partial key, in key order. A range query is phantom-protected: if a matching key
 * is added, changed or removed before this transaction commits, it fails validation, which is what
 * makes tallies safe without any shared counter.
 */
export async function listJson<T>(stub: ChaincodeStub, partial: KeySpec): Promise<T[]> {
  const iterator = await stub.getStateByPartialCompositeKey(partial.objectType, partial.attributes);
  const out: T[] = [];
  try {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      out.push(JSON.parse(Buffer.from(next.value.value).toString('utf8')) as T);
    }
  } finally {
    await iterator.close();
  }
  return out;
}

/**
 * One page under a partial key. Paginated queries are allowed only in read-only transactions (Fabric
 * refuses them once a transaction has written), so only queries use this.
 */
export async function pageJson<T>(
  stub: ChaincodeStub,
  partial: KeySpec,
  pageSize: number,
  bookmark: string,
): Promise<{ entries: { key: string; value: T }[]; bookmark: string }> {
  const { iterator, metadata } = await stub.getStateByPartialCompositeKeyWithPagination(partial.objectType, partial.attributes, pageSize, bookmark);
  const entries: { key: string; value: T }[] = [];
  try {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      entries.push({ key: next.value.key, value: JSON.parse(Buffer.from(next.value.value).toString('utf8')) as T });
    }
  } finally {
    await iterator.close();
  }
  // A real peer sends no metadata for an empty page
  return { entries, bookmark: metadata?.bookmark ?? "" };
}
