import type { ConsortiumClient } from '../ledger/consortium-client';
import type { Logger } from '../logging/logger';
import type { BroadcasterPort, ChaincodeDefinitionsPort, ChaincodeDeployerPort, ChannelJoinPort, ClockPort, ConfigFetcherPort, OrdererJoinPort, PackageSourcePort, SignerPort } from '../ports';

/** Timing of the apply work; every value has a production default in agent-options.ts. */
export interface ApplyTiming {
  /** How long the designated agent has before the next candidate records instead. */
  failoverMs: number;
  /** How long to wait for a broadcast update to show up as a new config block. */
  commitTimeoutMs: number;
  /** How often to look for it meanwhile. */
  commitPollMs: number;
}

/** The ports an executor acts through. */
export interface ExecutorDeps {
  client: ConsortiumClient;
  configFetcher: ConfigFetcherPort;
  broadcaster: BroadcasterPort;
  chaincodeDefinitions: ChaincodeDefinitionsPort;
  signer: SignerPort;
  clock: ClockPort;
  logger: Logger;
  timing: ApplyTiming;
  /**
   * DEPLOY_CHAINCODE needs both, and so does catching up a channel's committed chaincodes after an ADD_ORG of
   * this org; an agent wired without them leaves deployments to the other orgs, and the catch-up to its operator.
   */
  deployer?: ChaincodeDeployerPort;
  packageSource?: PackageSourcePort;
  /** Joining this org's peer to channels (UPDATE_CHANNEL ADD_ORG of this org, CREATE_CHANNEL); without it, that is left to the operator. */
  channelJoin?: ChannelJoinPort;
  /** This org's orderer: joining the channels a CREATE_CHANNEL or an ADD_CONSENTER made it a consenter of, leaving those a REMOVE_CONSENTER took it out of. */
  ordererJoin?: OrdererJoinPort;
}
