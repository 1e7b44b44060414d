import { createHash } from 'node:crypto';
import { common, peer } from '@hyperledger/fabric-protos';
import { channelIdOfBlock } from './block-inspection';
import { connectEndorser } from './endorser-client';
import { FabricAdminError } from './fabric-admin-error';
import { tlsCertHash, type GrpcEndpoint } from './grpc-endpoint';
import { decodeCommitted, decodeCommittedList, decodeInstalled, type CommittedChaincode, type InstalledChaincode } from './lifecycle-results';
import { buildSignedProposal, type ProposalSpec } from './proposal-builder';
import type { SigningIdentity } from './signing-identity';

/** The outcome of a join: `alreadyJoined` when the peer had the channel before (a repeated step). */
export interface JoinChannelResult {
  channelId: string;
  alreadyJoined: boolean;
}

/** The outcome of an install: `alreadyInstalled` when the peer had the package before. */
export interface InstallChaincodeResult {
  packageId: string;
  label: string;
  alreadyInstalled: boolean;
}

/** A peer's ledger on one channel. */
export interface ChainInfo {
  height: number;
  /** Hex hash of the newest block's header. */
  currentBlockHash: string;
  previousBlockHash: string;
}

/** Admin operations on one of the org's own peers, signed by the org's admin identity. */
export interface PeerAdmin {
  /** Joins the peer to a channel from the channel's genesis block (cscc `JoinChain`). Idempotent. */
  joinChannel(genesisBlock: Uint8Array): Promise<JoinChannelResult>;
  /** The channels the peer has joined (cscc `GetChannels`). */
  listChannels(): Promise<string[]>;
  /** Installs a chaincode package (`_lifecycle` `InstallChaincode`); waits for the build. Idempotent. */
  installChaincode(packageBytes: Uint8Array): Promise<InstallChaincodeResult>;
  /** Every package installed on the peer (`_lifecycle` `QueryInstalledChaincodes`). */
  queryInstalled(): Promise<InstalledChaincode[]>;
  /** One committed definition with each member's approval, or undefined when the name has none. */
  queryCommitted(channelId: string, name: string): Promise<CommittedChaincode | undefined>;
  /** Every committed definition on the channel. */
  queryCommitted(channelId: string): Promise<CommittedChaincode[]>;
  /** The peer's ledger height and newest block hash on a channel (qscc `GetChainInfo`). */
  getChainInfo(channelId: string): Promise<ChainInfo>;
  close(): void;
}

/** How to reach the org's peer and whom to sign proposals as. */
export interface PeerAdminOptions {
  endpoint: GrpcEndpoint;
  /** Must satisfy the peer's local Admins policy for join and install: the org admin. */
  identity: SigningIdentity;
  /** Per call; 30 s when absent. */
  timeoutMs?: number;
  /** For installs, which build the chaincode (`npm ci` for Node): 10 minutes when absent. */
  installTimeoutMs?: number;
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/** Connects to a peer's Endorser service; the connection is lazy and closed with `close()`. */
export function connectPeerAdmin(options: PeerAdminOptions): PeerAdmin {
  const endorser = connectEndorser(options.endpoint);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const bindingHash = tlsCertHash(options.endpoint);

  async function call(spec: Omit<ProposalSpec, 'tlsCertHash'>, what: string, deadlineMs = timeoutMs): Promise<Uint8Array> {
    const { signedProposal } = await buildSignedProposal(options.identity, { ...spec, tlsCertHash: bindingHash });
    return endorser.process(signedProposal, what, deadlineMs);
  }

  async function listChannels(): Promise<string[]> {
    const payload = await call({ channelId: '', chaincodeName: 'cscc', args: ['GetChannels'] }, 'GetChannels');
    return peer.ChannelQueryResponse.deserializeBinary(payload).getChannelsList().map((c) => c.getChannelId());
  }

  async function queryInstalled(): Promise<InstalledChaincode[]> {
    const args = new peer.lifecycle.QueryInstalledChaincodesArgs().serializeBinary();
    return decodeInstalled(await call({ channelId: '', chaincodeName: '_lifecycle', args: ['QueryInstalledChaincodes', args] }, 'QueryInstalledChaincodes'));
  }

  async function queryCommittedList(channelId: string): Promise<CommittedChaincode[]> {
    const args = new peer.lifecycle.QueryChaincodeDefinitionsArgs().serializeBinary();
    const payload = await call({ channelId, chaincodeName: '_lifecycle', args: ['QueryChaincodeDefinitions', args] }, `QueryChaincodeDefinitions on ${channelId}`);
    return decodeCommittedList(payload);
  }

  async function queryCommittedByName(channelId: string, name: string): Promise<CommittedChaincode | undefined> {
    const args = new peer.lifecycle.QueryChaincodeDefinitionArgs();
    args.setName(name);
    try {
      const payload = await call({ channelId, chaincodeName: '_lifecycle', args: ['QueryChaincodeDefinition', args.serializeBinary()] }, `QueryChaincodeDefinition ${name} on ${channelId}`);
      return decodeCommitted(name, payload);
    } catch (err) {
      // Fabric answers an undefined name with an error; the channel's list tells that case apart from a real failure.
      if (err instanceof FabricAdminError && err.code === 'PEER_REJECTED' && !(await queryCommittedList(channelId)).some((d) => d.name === name)) {
        return undefined;
      }
      throw err;
    }
  }

  return {
    async joinChannel(genesisBlock) {
      const channelId = channelIdOfBlock(common.Block.deserializeBinary(genesisBlock));
      try {
        await call({ channelId: '', chaincodeName: 'cscc', args: ['JoinChain', genesisBlock] }, `JoinChain ${channelId}`);
        return { channelId, alreadyJoined: false };
      } catch (err) {
        // Fabric refuses a second join ("ledger [...] already exists"); the peer's own channel list decides.
        if (err instanceof FabricAdminError && err.code === 'PEER_REJECTED' && (await listChannels()).includes(channelId)) {
          return { channelId, alreadyJoined: true };
        }
        throw err;
      }
    },
    listChannels,
    async installChaincode(packageBytes) {
      // A package ID is `label:sha256(package)`, so the digest alone finds an earlier install. Checking first
      // matters: after a peer restart Fabric would rebuild an installed package instead of refusing it.
      const digest = createHash('sha256').update(packageBytes).digest('hex');
      const findInstalled = async () => (await queryInstalled()).find((cc) => cc.packageId.endsWith(`:${digest}`));
      const before = await findInstalled();
      if (before) return { packageId: before.packageId, label: before.label, alreadyInstalled: true };
      const args = new peer.lifecycle.InstallChaincodeArgs();
      args.setChaincodeInstallPackage(packageBytes);
      try {
        const payload = await call({ channelId: '', chaincodeName: '_lifecycle', args: ['InstallChaincode', args.serializeBinary()] }, 'InstallChaincode', options.installTimeoutMs ?? 600_000);
        const result = peer.lifecycle.InstallChaincodeResult.deserializeBinary(payload);
        return { packageId: result.getPackageId(), label: result.getLabel(), alreadyInstalled: false };
      } catch (err) {
        // Another install of the same package may have won the race ("chaincode already successfully installed").
        const raced = err instanceof FabricAdminError && err.code === 'PEER_REJECTED' ? await findInstalled() : undefined;
        if (raced) return { packageId: raced.packageId, label: raced.label, alreadyInstalled: true };
        throw err;
      }
    },
    queryInstalled,
    queryCommitted: ((channelId: string, name?: string) =>
      name === undefined ? queryCommittedList(channelId) : queryCommittedByName(channelId, name)) as PeerAdmin['queryCommitted'],
    async getChainInfo(channelId) {
      const payload = await call({ channelId: '', chaincodeName: 'qscc', args: ['GetChainInfo', channelId] }, `GetChainInfo ${channelId}`);
      const info = common.BlockchainInfo.deserializeBinary(payload);
      return { height: info.getHeight(), currentBlockHash: hex(info.getCurrentblockhash_asU8()), previousBlockHash: hex(info.getPreviousblockhash_asU8()) };
    },
    close: () => endorser.close(),
  };
}
