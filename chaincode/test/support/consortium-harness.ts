import './quiet-fabric-logs';
import { parseErrorCode, type ErrorCode, type JoinRequest, type VotingPolicy } from '@opssc/core';
import { makeSignedJoinRequest, makeTestOrg, type TestOrg } from '../../../core/test/support';
import type { JoinRequestOverrides } from '../../../core/test/support/join-request-fixture';
import { ConsortiumContract } from '../../src/consortium-contract';
import { defaultMspValidators, type MspValidators } from '../../src/msp-validators';
import { ContractDispatcher } from './contract-dispatcher';
import { FakeLedger, type FakeTx, type TestIdentity, type TxValidation } from './fake-ledger';

export { ConsortiumContract };

/** One generated org: its certificate tree and one identity per role. */
export interface HarnessOrg {
  mspId: string;
  tree: TestOrg;
  admin: TestIdentity;
  client: TestIdentity;
  peer: TestIdentity;
}

/** A simulated transaction and the chaincode's response to it. */
export interface Endorsement {
  tx: FakeTx;
  ok: boolean;
  /** The stable code of a failed endorsement. */
  code?: ErrorCode;
  message: string;
  /** The parsed JSON result of a successful one. */
  result: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** An endorsement after its own block: the validation code and the event it produced. */
export interface Submission extends Endorsement {
  validation?: TxValidation;
}

/** Options of {@link ConsortiumHarness.create}. */
export interface HarnessOptions {
  founders?: string[];
  /** Activate every founder (default true). */
  activate?: boolean;
  votingPolicy?: VotingPolicy;
  validators?: MspValidators;
  /** Give each founder an anchor peer and a consenting orderer (with its real TLS certificates) in its member record. */
  withNodes?: boolean;
}

/**
 * Certificate trees are the slow part of a harness (real keys and signatures), and every harness's
 * clock starts at the same instant, so trees are generated once per org per test file and shared.
 */
const trees = new Map<string, Promise<{ tree: TestOrg; peerCertPem: string }>>();

function treeOf(mspId: string, now: Date): Promise<{ tree: TestOrg; peerCertPem: string }> {
  const key = `${mspId}@${now.toISOString()}`;
  let entry = trees.get(key);
  if (!entry) {
    entry = makeTestOrg(mspId, { now }).then(async (tree) => ({ tree, peerCertPem: (await tree.issueIdentity('peer', `peer1.${tree.domain}`)).certPem }));
    trees.set(key, entry);
  }
  return entry;
}

/** A proposal id is p-<16 hex>; this one never exists. */
export const UNKNOWN_PROPOSAL = 'p-0000000000000000';

/**
 * A consortium on a fake ledger, driven through fabric-chaincode-node's real contract dispatcher with
 * real certificates: what a test does here is what a client does to a peer.
 */
export class ConsortiumHarness {
  readonly ledger = new FakeLedger();
  /** Every endorsement this harness made, with its function name, for tests about all transactions. */
  readonly endorsements: { fcn: string; endorsement: Endorsement }[] = [];
  private readonly dispatcher: ContractDispatcher;
  private readonly orgs = new Map<string, HarnessOrg>();

  private constructor(validators: MspValidators) {
    class TestConsortiumContract extends ConsortiumContract {
      constructor() {
        super(validators);
      }
    }
    this.dispatcher = new ContractDispatcher([TestConsortiumContract]);
  }

  /** A harness with `founders` initialised and, by default, all active. */
  static async create(options: HarnessOptions = {}): Promise<ConsortiumHarness> {
    const harness = new ConsortiumHarness(options.validators ?? defaultMspValidators);
    const founders = options.founders ?? ['Org1MSP', 'Org2MSP', 'Org3MSP'];
    if (founders.length > 0) {
      await harness.init(founders, options.votingPolicy, options.withNodes);
      if (options.activate ?? true) {
        for (const mspId of founders) await harness.activate(mspId);
      }
    }
    return harness;
  }

  /** The generated org `mspId` (created on first use, valid from the ledger's clock). */
  async org(mspId: string): Promise<HarnessOrg> {
    let org = this.orgs.get(mspId);
    if (!org) {
      const { tree, peerCertPem } = await treeOf(mspId, this.ledger.now());
      org = {
        mspId,
        tree,
        admin: { mspId, certPem: tree.adminCertPem },
        client: { mspId, certPem: tree.clientCertPem },
        peer: { mspId, certPem: peerCertPem },
      };
      this.orgs.set(mspId, org);
    }
    return org;
  }

  /** The admin identity of `mspId`. */
  async admin(mspId: string): Promise<TestIdentity> {
    return (await this.org(mspId)).admin;
  }

  /** Simulates `fcn(args)` by `identity` without committing it. */
  async endorse(identity: TestIdentity, fcn: string, ...args: string[]): Promise<Endorsement> {
    const tx = this.ledger.newTx(identity, { args: [`consortium:${fcn}`, ...args] });
    const response = await this.dispatcher.invoke(tx.stub);
    const endorsement: Endorsement =
      response.status !== 200
        ? { tx, ok: false, code: parseErrorCode(response.message), message: response.message, result: undefined }
        : { tx, ok: true, message: '', result: response.payload === '' ? undefined : JSON.parse(response.payload) };
    this.endorsements.push({ fcn, endorsement });
    return endorsement;
  }

  /** Endorses and, when the chaincode accepted it, commits it alone in a block. */
  async submit(identity: TestIdentity, fcn: string, ...args: string[]): Promise<Submission> {
    const endorsement = await this.endorse(identity, fcn, ...args);
    return endorsement.ok ? { ...endorsement, validation: this.ledger.commitBlock([endorsement.tx])[0] } : endorsement;
  }

  /** Like {@link submit}, but throws unless the transaction committed; returns its result. */
  async must(identity: TestIdentity, fcn: string, ...args: string[]): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
    const submission = await this.submit(identity, fcn, ...args);
    if (!submission.ok || submission.validation?.code !== 'VALID') {
      throw new Error(`${fcn} failed: ${submission.message || submission.validation?.code}`);
    }
    return submission.result;
  }

  /** Evaluates a query; throws the chaincode's message on failure. */
  async query(identity: TestIdentity, fcn: string, ...args: string[]): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
    const endorsement = await this.endorse(identity, fcn, ...args);
    if (!endorsement.ok) throw new Error(endorsement.message);
    return endorsement.result;
  }

  /** Puts endorsed transactions in one block, in order. */
  commit(...endorsements: Endorsement[]): TxValidation[] {
    return this.ledger.commitBlock(endorsements.map((e) => e.tx));
  }

  /** InitConsortium by the first founder's admin. */
  async init(founders: string[], votingPolicy?: VotingPolicy, withNodes = false): Promise<void> {
    const members = [];
    for (const [i, mspId] of founders.entries()) {
      const org = await this.org(mspId);
      const peer = { host: '127.0.0.1', port: 7051 + 1000 * i };
      const orderer = { host: '127.0.0.1', port: 7050 + 1000 * i, serverTlsCert: org.tree.ordererTls.serverCertPem, clientTlsCert: org.tree.ordererTls.clientCertPem, consenter: true };
      const nodes = withNodes ? { peers: [peer], anchorPeers: [peer], orderers: [orderer] } : { peers: [], anchorPeers: [], orderers: [] };
      members.push({ mspId, msp: org.tree.msp, nodes, metadata: {} });
    }
    await this.must(await this.admin(founders[0]), 'InitConsortium', JSON.stringify({ members, ...(votingPolicy ? { votingPolicy } : {}) }));
  }

  /** ActivateMember by `mspId`'s admin, acknowledging the current membership version. */
  async activate(mspId: string): Promise<void> {
    const admin = await this.admin(mspId);
    const snapshot = await this.query(admin, 'GetMembershipSnapshot');
    await this.must(admin, 'ActivateMember', String(snapshot.version));
  }

  /** IssueInvitation by `issuer` for `mspId`; returns the invitation id. */
  async invite(issuer: string, mspId: string, invitationId = `inv-${issuer}-${mspId}-${this.ledger.size}`.toLowerCase(), expiresInSeconds = 3600): Promise<string> {
    const expiresAt = new Date(this.ledger.now().getTime() + expiresInSeconds * 1000).toISOString();
    await this.must(await this.admin(issuer), 'IssueInvitation', JSON.stringify({ invitationId, mspId, expiresAt, tokenHmac: 'a'.repeat(64) }));
    return invitationId;
  }

  /** A join request signed by `mspId`'s admin. */
  async joinRequest(mspId: string, overrides: JoinRequestOverrides = {}): Promise<JoinRequest> {
    return makeSignedJoinRequest((await this.org(mspId)).tree, overrides);
  }

  /** Invitation by `relay`, then SubmitJoinRequest by `relay`; returns the proposal id. */
  async propose(mspId: string, relay = 'Org1MSP'): Promise<string> {
    const invitationId = await this.invite(relay, mspId);
    const result = await this.must(await this.admin(relay), 'SubmitJoinRequest', invitationId, JSON.stringify(await this.joinRequest(mspId)));
    return result.proposalId;
  }

  /** CreateProposal by `by`'s admin; returns the proposal id. */
  async create(by: string, type: string, payload: unknown, deadlineSeconds = ''): Promise<string> {
    return (await this.must(await this.admin(by), 'CreateProposal', type, JSON.stringify(payload), deadlineSeconds)).id;
  }

  /** CastVote by each org in `mspIds`, each in its own block. */
  async vote(proposalId: string, decision: 'approve' | 'reject', ...mspIds: string[]): Promise<void> {
    for (const mspId of mspIds) await this.must(await this.admin(mspId), 'CastVote', proposalId, decision, `${mspId} says ${decision}`);
  }

  /** TallyProposal by `by`; returns the proposal. */
  async tally(proposalId: string, by = 'Org1MSP'): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
    return this.must(await this.admin(by), 'TallyProposal', proposalId);
  }

  /** GetProposal as `by`'s admin. */
  async proposal(proposalId: string, by = 'Org1MSP'): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
    return this.query(await this.admin(by), 'GetProposal', proposalId);
  }

  /** GetMember as `by`'s admin. */
  async member(mspId: string, by = 'Org1MSP'): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
    return this.query(await this.admin(by), 'GetMember', mspId);
  }

  /** The transactions the dispatcher registered for the `consortium` contract. */
  registeredTransactions() {
    return this.dispatcher.transactions('consortium');
  }
}
