import type { Contract, Gateway } from '@hyperledger/fabric-gateway';
import { peer } from '@hyperledger/fabric-protos';
import {
  approveArgs,
  checkCommitReadinessArgs,
  commitArgs,
  parametersOf,
  sameParameters,
  type ChaincodeDefinition,
} from './chaincode-definition';
import { FabricAdminError } from './fabric-admin-error';
import { fromGatewayError } from './gateway-error';
import { decodeApproved, decodeCommittedList, decodeReadiness, type ApprovedChaincode, type CommittedChaincode } from './lifecycle-results';

/** A lifecycle transaction that committed, or a step that had been done before. */
export interface LifecycleResult {
  status: 'DONE' | 'ALREADY_DONE';
  /** Set when this call committed a transaction. */
  transactionId?: string;
  blockNumber?: number;
}

/** Chaincode definition approval and commit on the org's channels, through fabric-gateway. */
export interface ChaincodeLifecycle {
  /** Approves the definition for the gateway identity's org, with the org's package. Idempotent. */
  approve(definition: ChaincodeDefinition, packageId: string): Promise<LifecycleResult>;
  /** Commits the definition once enough members approved it. Idempotent. */
  commit(definition: ChaincodeDefinition, options?: { endorsingOrganizations?: string[] }): Promise<LifecycleResult>;
  /** Which members approved exactly this definition. */
  checkCommitReadiness(definition: ChaincodeDefinition): Promise<Record<string, boolean>>;
  /** The org's own approval at a sequence (its newest when absent), or undefined when it approved none. */
  queryApproved(channelId: string, name: string, sequence?: number): Promise<ApprovedChaincode | undefined>;
  /** The definition committed under that name, or undefined. */
  queryCommitted(channelId: string, name: string): Promise<CommittedChaincode | undefined>;
}

const VALIDATION_CODES = new Map<number, string>(Object.entries(peer.TxValidationCode).map(([name, code]) => [code as number, name]));

// A transaction that lost a read conflict can succeed as a new transaction with the same arguments.
const CONFLICTS = new Set<number>([peer.TxValidationCode.MVCC_READ_CONFLICT, peer.TxValidationCode.PHANTOM_READ_CONFLICT]);

async function submit(contract: Contract, fn: string, args: Uint8Array, endorsingOrganizations: string[] | undefined, what: string): Promise<LifecycleResult> {
  let transactionId: string | undefined;
  try {
    const submitted = await contract.submitAsync(fn, { arguments: [args], ...(endorsingOrganizations ? { endorsingOrganizations } : {}) });
    transactionId = submitted.getTransactionId();
    const status = await submitted.getStatus();
    if (!status.successful) {
      const name = VALIDATION_CODES.get(status.code) ?? String(status.code);
      throw new FabricAdminError('TRANSACTION_INVALID', `${what}: transaction ${transactionId} is invalid: ${name}`, {
        status: name,
        retryable: CONFLICTS.has(status.code),
      });
    }
    return { status: 'DONE', transactionId, blockNumber: Number(status.blockNumber) };
  } catch (err) {
    throw fromGatewayError(err, transactionId ? `${what} (transaction ${transactionId})` : what);
  }
}

/**
 * The lifecycle through a gateway connected as the org admin (Fabric's default ACL for approve is the peer's
 * local Admins policy). The gateway collects endorsements and waits for the commit.
 */
export function gatewayChaincodeLifecycle(gateway: Gateway, mspId: string): ChaincodeLifecycle {
  const lifecycleOf = (channelId: string) => gateway.getNetwork(channelId).getContract('_lifecycle');

  async function evaluate(channelId: string, fn: string, args: Uint8Array, what: string): Promise<Uint8Array> {
    try {
      // An org's approvals live in its implicit private collection: only its own peers can answer.
      return await lifecycleOf(channelId).evaluate(fn, { arguments: [args], endorsingOrganizations: [mspId] });
    } catch (err) {
      throw fromGatewayError(err, what);
    }
  }

  async function queryApproved(channelId: string, name: string, sequence = 0): Promise<ApprovedChaincode | undefined> {
    const args = new peer.lifecycle.QueryApprovedChaincodeDefinitionArgs();
    args.setName(name);
    args.setSequence(sequence);
    try {
      return decodeApproved(name, await evaluate(channelId, 'QueryApprovedChaincodeDefinition', args.serializeBinary(), `QueryApprovedChaincodeDefinition ${name} on ${channelId}`));
    } catch (err) {
      // Fabric answers "could not fetch approved chaincode definition" when there is none.
      if (err instanceof FabricAdminError && err.code === 'PEER_REJECTED' && /could not fetch approved chaincode definition/.test(err.message)) return undefined;
      throw err;
    }
  }

  async function queryCommitted(channelId: string, name: string): Promise<CommittedChaincode | undefined> {
    // The plural query answers an unknown name with an empty list instead of an error.
    const args = new peer.lifecycle.QueryChaincodeDefinitionsArgs().serializeBinary();
    const list = decodeCommittedList(await evaluate(channelId, 'QueryChaincodeDefinitions', args, `QueryChaincodeDefinitions on ${channelId}`));
    return list.find((definition) => definition.name === name);
  }

  async function isApproved(definition: ChaincodeDefinition, packageId: string): Promise<boolean> {
    const approved = await queryApproved(definition.channelId, definition.name, definition.sequence);
    return approved !== undefined && approved.packageId === packageId && sameParameters(approved, parametersOf(definition));
  }

  /** Undefined when the definition is not committed yet; throws when a different one holds its place. */
  async function committedState(definition: ChaincodeDefinition): Promise<'COMMITTED' | undefined> {
    const committed = await queryCommitted(definition.channelId, definition.name);
    if (!committed || committed.sequence < definition.sequence) return undefined;
    if (committed.sequence === definition.sequence && sameParameters(committed, parametersOf(definition))) return 'COMMITTED';
    throw new FabricAdminError(
      'DEFINITION_CONFLICT',
      `${definition.name} on ${definition.channelId} is committed at sequence ${committed.sequence} (version ${committed.version}) with other parameters than the requested sequence ${definition.sequence} (version ${definition.version})`,
    );
  }

  return {
    async approve(definition, packageId) {
      const what = `ApproveChaincodeDefinitionForMyOrg ${definition.name} sequence ${definition.sequence} on ${definition.channelId} for ${mspId}`;
      // Fabric refuses to re-approve an unchanged uncommitted definition ("with unchanged content"), and
      // re-approving a committed one writes a pointless transaction: look first.
      if (await isApproved(definition, packageId)) return { status: 'ALREADY_DONE' };
      try {
        return await submit(lifecycleOf(definition.channelId), 'ApproveChaincodeDefinitionForMyOrg', approveArgs(definition, packageId).serializeBinary(), [mspId], what);
      } catch (err) {
        // A concurrent approval of the same definition (another replica, a retried step) counts as done.
        if (err instanceof FabricAdminError && err.code === 'PEER_REJECTED' && (await isApproved(definition, packageId))) return { status: 'ALREADY_DONE' };
        throw err;
      }
    },
    async commit(definition, options = {}) {
      const what = `CommitChaincodeDefinition ${definition.name} sequence ${definition.sequence} on ${definition.channelId}`;
      if (await committedState(definition)) return { status: 'ALREADY_DONE' };
      try {
        return await submit(lifecycleOf(definition.channelId), 'CommitChaincodeDefinition', commitArgs(definition).serializeBinary(), options.endorsingOrganizations, what);
      } catch (err) {
        // Another member's agent may have committed the same definition first.
        if (err instanceof FabricAdminError && err.code !== 'NODE_UNAVAILABLE' && (await committedState(definition))) return { status: 'ALREADY_DONE' };
        throw err;
      }
    },
    async checkCommitReadiness(definition) {
      const args = checkCommitReadinessArgs(definition).serializeBinary();
      return decodeReadiness(await evaluate(definition.channelId, 'CheckCommitReadiness', args, `CheckCommitReadiness ${definition.name} on ${definition.channelId}`));
    },
    queryApproved,
    queryCommitted,
  };
}
