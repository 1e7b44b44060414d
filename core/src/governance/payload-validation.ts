import { OpsError } from '../errors';
import { parseDeployChaincodePayload } from './chaincode-deployment';
import { parseCreateChannelPayload } from './channel-creation';
import { parseUpdateChannelPayload } from './channel-update';
import { assertChannelName, assertMspId } from './identifiers';
import { expectArray, expectObject, optionalString, type JsonObject } from './input-shape';
import { parseMspDefinitionShape } from './member-input';
import type { ProposalPayloads, ProposalType } from './proposal';
import { parseVotingPolicy } from './voting-policy';

/** Proposal types CreateProposal accepts (ADD_ORG comes only from SubmitJoinRequest, with its invitation). */
export type CreatableProposalType = Exclude<ProposalType, 'ADD_ORG'>;

const MAX_CHANNELS = 64;

/** Every type CreateProposal takes. */
export const CREATABLE_TYPES: readonly CreatableProposalType[] = ['UPDATE_ORG_MSP', 'SUSPEND_ORG', 'REINSTATE_ORG', 'REMOVE_ORG', 'SET_VOTING_POLICY', 'DEPLOY_CHAINCODE', 'CREATE_CHANNEL', 'UPDATE_CHANNEL'];

function channels(obj: JsonObject, path: string): { channels?: string[] } {
  if (obj.channels === undefined) return {};
  return { channels: expectArray(obj.channels, `${path}.channels`, MAX_CHANNELS, (v, p) => assertChannelName(v, p), true) };
}

function description(obj: JsonObject, path: string): { description?: string } {
  const text = optionalString(obj.description, `${path}.description`);
  return text === undefined ? {} : { description: text };
}

/**
 * Reads and checks the payload of a CreateProposal of `type`. Shape only: whether the subject org is
 * in a state the proposal can act on, and whether a policy is satisfiable, depend on ledger state and
 * are checked by the caller.
 */
export function parseProposalPayload<T extends CreatableProposalType>(type: T, value: unknown): ProposalPayloads[T] {
  const path = 'payload';
  switch (type as CreatableProposalType) {
    case 'UPDATE_ORG_MSP': {
      const obj = expectObject(value, path, ['mspId', 'msp', 'channels', 'description']);
      const mspId = assertMspId(obj.mspId, `${path}.mspId`);
      const msp = parseMspDefinitionShape(obj.msp, `${path}.msp`, mspId);
      return { mspId, msp, ...channels(obj, path), ...description(obj, path) } as ProposalPayloads[T];
    }
    case 'SUSPEND_ORG':
    case 'REINSTATE_ORG': {
      const obj = expectObject(value, path, ['mspId', 'description']);
      return { mspId: assertMspId(obj.mspId, `${path}.mspId`), ...description(obj, path) } as ProposalPayloads[T];
    }
    case 'REMOVE_ORG': {
      const obj = expectObject(value, path, ['mspId', 'channels', 'description']);
      return { mspId: assertMspId(obj.mspId, `${path}.mspId`), ...channels(obj, path), ...description(obj, path) } as ProposalPayloads[T];
    }
    case 'SET_VOTING_POLICY': {
      const obj = expectObject(value, path, ['policy', 'description']);
      return { policy: parseVotingPolicy(obj.policy, `${path}.policy`), ...description(obj, path) } as ProposalPayloads[T];
    }
    case 'DEPLOY_CHAINCODE':
      return parseDeployChaincodePayload(value, path) as ProposalPayloads[T];
    case 'CREATE_CHANNEL':
      return parseCreateChannelPayload(value, path) as ProposalPayloads[T];
    case 'UPDATE_CHANNEL':
      return parseUpdateChannelPayload(value, path) as ProposalPayloads[T];
    default:
      throw new OpsError('INVALID_ARGUMENT', `type must be one of ${CREATABLE_TYPES.join(', ')} (ADD_ORG comes from SubmitJoinRequest)`);
  }
}

/** Reads CreateProposal's `type` argument. */
export function parseCreatableProposalType(value: string): CreatableProposalType {
  if (!(CREATABLE_TYPES as readonly string[]).includes(value)) {
    throw new OpsError('INVALID_ARGUMENT', `type must be one of ${CREATABLE_TYPES.join(', ')} (ADD_ORG comes from SubmitJoinRequest)`);
  }
  return value as CreatableProposalType;
}

/** The org a payload is about, if any. */
export function payloadSubject(payload: object): string | undefined {
  // a deployment payload has no mspId: it is about a chaincode, not an org; a channel update is about a channel
  const mspId = (payload as { mspId?: unknown }).mspId;
  return typeof mspId === 'string' ? mspId : undefined;
}
