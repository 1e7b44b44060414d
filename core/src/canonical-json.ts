/**
 * Deterministic JSON: object keys are sorted at every depth, so that every endorsing peer,
 * every api-server and every agent produces byte-identical output for the same value.
 * Chaincode state, digests and signatures all go through this one function.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortDeep(value));
}

function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(sortDeep);
  }
  if (value !== null && typeof value === 'object') {
    const source = value as Record<string, unknown>;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(source).sort()) {
      const entry = source[key];
      // undefined members are dropped, as JSON.stringify would drop them
      if (entry !== undefined) {
        sorted[key] = sortDeep(entry);
      }
    }
    return sorted;
  }
  return value;
}
