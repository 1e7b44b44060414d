import type { Contract } from '@hyperledger/fabric-gateway';
import { connectGateway, connectOrdererAdmin, FabricAdminError, fromGatewayError, type GatewayConnection, type GrpcEndpoint, type OrdererAdmin, type SigningIdentity } from '../../fabric';
import { BootstrapError } from '../bootstrap-error';
import type { BootstrapMaterial, MemberNetwork, MemberNetworkFactory } from '../bootstrap-ports';

/** Who this org is and what it calls on the members' peers. */
export interface MemberNetworkOptions {
  /** This org's admin: the channel configs now let it read blocks and query consortium_ops. */
  identity: SigningIdentity;
  opsChannel: string;
  chaincode: string;
  /** The contract inside consortium_ops. Default `consortium`. */
  contract?: string;
}

const utf8 = new TextDecoder();
// Deliver answers meaning "this orderer will not give this org that channel (yet)".
const NOT_READABLE = new Set(['FORBIDDEN', 'NOT_FOUND']);

/** The gRPC endpoints of the other orgs' orderers or anchor peers on a channel, each with its org's TLS roots. */
function memberEndpoints(material: BootstrapMaterial, channel: string, kind: 'orderers' | 'peers', ownMspId: string): GrpcEndpoint[] {
  // A channel the api-server's peer is not on has no entry: its orderers are most likely the ops channel's.
  const entry = material.channels.find((c) => c.channel === channel) ?? material.channels[0];
  if (!entry) return [];
  return entry[kind]
    .filter((org) => org.mspId !== ownMspId && (entry.tlsRootCerts[org.mspId]?.length ?? 0) > 0)
    .flatMap((org) => org.endpoints.map((address) => ({ address, tlsRootCert: Buffer.from(entry.tlsRootCerts[org.mspId].join('\n')) })));
}

/**
 * The members' orderers (Deliver) and peers (fabric-gateway), from the endpoints of the bootstrap
 * material, tried in turn: an unreachable node is skipped for the next. The material only says where
 * the nodes are; TLS and the orderers' and peers' own checks decide whom to trust.
 */
export function fabricMemberNetworks(options: MemberNetworkOptions): MemberNetworkFactory {
  const { identity } = options;
  return {
    open(material): MemberNetwork {
      const orderers = new Map<string, OrdererAdmin>();
      const gateways = new Map<string, GatewayConnection>();
      const ordererFor = (endpoint: GrpcEndpoint) => orderers.get(endpoint.address) ?? orderers.set(endpoint.address, connectOrdererAdmin({ endpoint, identity })).get(endpoint.address)!;
      const gatewayFor = (endpoint: GrpcEndpoint) => gateways.get(endpoint.address) ?? gateways.set(endpoint.address, connectGateway(endpoint, identity)).get(endpoint.address)!;

      /** Runs `use` on each member orderer of the channel until one answers; undefined when they all refuse to serve it. */
      async function onOrderer<T>(channel: string, use: (admin: OrdererAdmin) => Promise<T>): Promise<T | undefined> {
        const endpoints = memberEndpoints(material, channel, 'orderers', identity.mspId);
        let lastError: unknown = new BootstrapError('NOT_IN_CHANNEL_YET', `the bootstrap material names no member orderer for ${channel}`, true);
        let refused = false;
        for (const endpoint of endpoints) {
          try {
            return await use(ordererFor(endpoint));
          } catch (err) {
            if (!(err instanceof FabricAdminError)) throw err;
            if (err.code === 'DELIVER_FAILED' && !err.retryable && NOT_READABLE.has(String(err.status))) refused = true;
            else lastError = err;
          }
        }
        if (refused) return undefined;
        throw lastError;
      }

      async function required<T>(channel: string, what: string, use: (admin: OrdererAdmin) => Promise<T>): Promise<T> {
        const result = await onOrderer(channel, use);
        if (result === undefined) throw new BootstrapError('NOT_IN_CHANNEL_YET', `no member orderer serves ${what} of ${channel} to this org`, true);
        return result;
      }

      /** Runs `use` on the consortium contract through the first member peer that answers. */
      async function onContract<T>(what: string, failover: boolean, use: (contract: Contract) => Promise<T>): Promise<T> {
        const endpoints = memberEndpoints(material, options.opsChannel, 'peers', identity.mspId);
        let lastError: unknown = new BootstrapError('MEMBER_PEER_REFUSED', `the bootstrap material names no member peer on ${options.opsChannel}`, true);
        for (const endpoint of endpoints) {
          try {
            const contract = gatewayFor(endpoint).gateway.getNetwork(options.opsChannel).getContract(options.chaincode, options.contract ?? 'consortium');
            return await use(contract);
          } catch (err) {
            const failure = fromGatewayError(err, `${options.chaincode} ${what} on ${endpoint.address}`);
            // A submit that timed out may still commit: never send a second transaction for it from here.
            if (failure.code !== 'NODE_UNAVAILABLE' || !failover) throw failure;
            lastError = failure;
          }
        }
        throw lastError;
      }

      return {
        fetchLatestConfigBlock: (channel) => onOrderer(channel, (admin) => admin.fetchLatestConfigBlock(channel)),
        fetchBlock: (channel, number) => required(channel, `block ${number}`, (admin) => admin.fetchBlock(channel, number)),
        ordererHeight: (channel) => required(channel, 'the newest block', async (admin) => (await admin.fetchBlock(channel, 'newest')).number + 1),
        evaluate: (transaction, ...args) => onContract(transaction, true, async (contract) => utf8.decode(await contract.evaluateTransaction(transaction, ...args))),
        submit: (transaction, ...args) => onContract(transaction, false, async (contract) => utf8.decode(await contract.submitTransaction(transaction, ...args))),
        close() {
          orderers.forEach((admin) => admin.close());
          gateways.forEach((connection) => connection.close());
        },
      };
    },
  };
}
