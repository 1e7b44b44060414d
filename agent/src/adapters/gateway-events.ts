import type { Network } from '@hyperledger/fabric-gateway';
import type { EventsPort } from '../ports';

/** consortium_ops events through fabric-gateway, from a checkpoint (fabric-gateway skips what it covers). */
export function gatewayEvents(network: Network, chaincodeName: string): EventsPort {
  return {
    open: (checkpoint) => network.getChaincodeEvents(chaincodeName, { checkpoint }),
  };
}
