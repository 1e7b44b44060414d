import { common } from '@hyperledger/fabric-protos';
import type { ProtoMap } from './proto-map';

/** The serialized `Capabilities` value turning on the named capabilities, e.g. `['V2_0']`. */
export function capabilitiesValueBytes(names: readonly string[]): Uint8Array {
  const capabilities = new common.Capabilities();
  const map = capabilities.getCapabilitiesMap() as ProtoMap<common.Capability>;
  for (const name of names) map.set(name, new common.Capability());
  return capabilities.serializeBinary();
}
