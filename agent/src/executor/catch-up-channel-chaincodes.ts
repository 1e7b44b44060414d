import type { ChaincodePackageRecord } from '@opssc/core';
import { BootstrapError } from '../bootstrap/bootstrap-error';
import { definitionFromCommitted } from '../bootstrap/committed-definition';
import { checkRecordDescribes, verifyPackageBytes } from '../bootstrap/package-verification';
import type { ChaincodeDefinition, CommittedChaincode } from '../fabric';
import type { StepOutcome } from '../logging/step-log';
import type { ChaincodeDeployerPort, PackageSourcePort } from '../ports';
import type { ExecutorDeps } from './executor-deps';

/** One line of the step log, for what changes the peer: a verified download and its install, an approval. */
export type CatchUpStepLog = (record: { step: string; outcome: StepOutcome; detail?: string }) => void;

/** Where the catch-up of one channel stands after a pass. */
export type CatchUpResult =
  /** This org has approved every definition its peer reports (in this pass or before); `approved` names them. */
  | { kind: 'complete'; approved: string[] }
  /** Something is left: for a later drive, or, when `problem` says why, for the operator. */
  | { kind: 'left'; waitingFor: string; problem?: string };

/** What is left of one committed definition. */
type Left =
  /** A later drive may do it (the peer is behind, a download failed). */
  | { kind: 'later'; waitingFor: string }
  /** Only the operator can: `todo` says what, `reason` why the agent will not. */
  | { kind: 'by-hand'; todo: string; reason: string };

/** The ports a catch-up acts through. */
export type CatchUpDeps = Pick<ExecutorDeps, 'client' | 'clock' | 'timing'> & { deployer: ChaincodeDeployerPort; packageSource: PackageSourcePort };

/**
 * How many times (every commitPollMs) a pass that follows the peer's join asks again while the peer has not
 * yet processed the config block that admitted this org. That takes a few seconds; waiting for it saves a
 * whole reconcile interval, and the bound keeps the agent's serial queue moving. Later passes do not wait.
 */
const PEER_CATCH_UP_POLLS = 40;

/**
 * Installs and approves, for this org, the chaincode definitions committed on a channel an ADD_ORG
 * added it to, as this org's own peer reports them, so that its peer can endorse them. Each package is
 * the one recorded on-chain for that exact definition (downloaded from where the record says, checked
 * against its SHA-256), and each approval repeats the committed definition byte for byte
 * (definitionFromCommitted). It keeps no state: every pass asks the peer what this org has approved and
 * installed, and does what is left, so a pass after a crash repeats nothing. Nothing is recorded on-chain;
 * what the agent cannot do is returned for the status board.
 */
export async function catchUpChannelChaincodes(deps: CatchUpDeps, channel: string, me: string, log: CatchUpStepLog, justJoined = false): Promise<CatchUpResult> {
  let committed = await deps.deployer.committedDefinitions(channel);
  for (let poll = 0; justJoined && !committed && poll < PEER_CATCH_UP_POLLS; poll++) {
    await deps.clock.sleep(deps.timing.commitPollMs);
    committed = await deps.deployer.committedDefinitions(channel);
  }
  if (!committed) return { kind: 'left', waitingFor: `${me}'s peer to process the config block that added ${me} to ${channel}` };
  const approved: string[] = [];
  const left: Left[] = [];
  for (const definition of [...committed].sort((a, b) => a.name.localeCompare(b.name))) {
    const outcome = await catchUpDefinition(deps, channel, me, definition, log);
    if (outcome) left.push(outcome);
    else approved.push(`${definition.name} sequence ${definition.sequence}`);
  }
  if (left.length === 0) return { kind: 'complete', approved };
  const waitingFor = left.map((l) => (l.kind === 'by-hand' ? `the operator to ${l.todo}` : l.waitingFor)).join('; ');
  const problem = left.flatMap((l) => (l.kind === 'by-hand' ? [l.reason] : [])).join('; ');
  return { kind: 'left', waitingFor, ...(problem ? { problem } : {}) };
}

/** One definition: nothing when this org has approved it (now or before), else what is left. */
async function catchUpDefinition(deps: CatchUpDeps, channel: string, me: string, committed: CommittedChaincode, log: CatchUpStepLog): Promise<Left | undefined> {
  const what = `${committed.name} sequence ${committed.sequence}`;
  const approvals = await deps.deployer.committedApprovals(channel, committed.name);
  // approved before: by an earlier pass, or by hand
  if (approvals?.[me]) return undefined;
  if (!approvals || !(me in approvals)) return { kind: 'later', waitingFor: `${me}'s peer to count ${me} among the orgs of ${channel} that approve ${what}` };
  const record = await deps.client.getChaincodePackage(channel, committed.name, committed.sequence);
  if (!record) {
    return { kind: 'by-hand', todo: `record its package (RecordChaincodePackage), or install it on the peer and approve ${what} on ${channel} by hand`, reason: `no member has recorded the package of ${what} on ${channel}` };
  }
  const todo = `install ${record.packageId} on the peer and approve ${what} on ${channel} by hand`;
  let definition: ChaincodeDefinition;
  try {
    // before anything is installed: a package this org could not approve exactly is of no use
    checkRecordDescribes(record, channel, committed);
    definition = definitionFromCommitted(channel, committed);
  } catch (err) {
    if (err instanceof BootstrapError) return { kind: 'by-hand', todo, reason: err.message };
    throw err;
  }
  if (!(await deps.deployer.installedPackageIds()).includes(record.packageId)) {
    const left = await install(deps, record, what, todo, log);
    if (left) return left;
  }
  const approved = await deps.deployer.approve(definition, record.packageId);
  log({ step: 'APPROVE', outcome: approved.status === 'DONE' ? 'done' : 'already-done', detail: `${what} on ${channel} as committed, with ${record.packageId}` });
  return undefined;
}

/** Downloads the recorded package, checks it against the record and installs it; what is left when it cannot. */
async function install(deps: CatchUpDeps, record: ChaincodePackageRecord, what: string, todo: string, log: CatchUpStepLog): Promise<Left | undefined> {
  const source = await sourceOf(deps, record, what);
  if ('reason' in source) return { kind: 'by-hand', todo, reason: source.reason };
  let bytes: Uint8Array;
  try {
    bytes = await source.download();
  } catch (err) {
    return { kind: 'later', waitingFor: `the package ${record.packageId} from ${source.where} (${(err as Error).message})` };
  }
  try {
    // the server is not trusted, the ledger is: a substituted package is never installed
    verifyPackageBytes(bytes, record);
  } catch (err) {
    if (err instanceof BootstrapError) return { kind: 'by-hand', todo, reason: `${err.message} (served by ${source.where})` };
    throw err;
  }
  log({ step: 'DOWNLOAD', outcome: 'done', detail: `${bytes.length} bytes from ${source.where}; SHA-256 matches the package record of ${what}` });
  const installed = await deps.deployer.install(bytes);
  log({ step: 'INSTALL', outcome: installed.alreadyInstalled ? 'already-done' : 'done', detail: installed.packageId });
  if (installed.packageId !== record.packageId) {
    return { kind: 'by-hand', todo, reason: `PACKAGE_ID_MISMATCH: the peer named the package ${installed.packageId}; the record names ${record.packageId}` };
  }
  return undefined;
}

/**
 * Where the record says the package is: the deployment's packageUrl (a host that is not a member, so no
 * credential is sent to it), else the deploying proposal's proposer's api-server. A record made with
 * RecordChaincodePackage says neither.
 */
async function sourceOf(deps: CatchUpDeps, record: ChaincodePackageRecord, what: string): Promise<{ where: string; download(): Promise<Uint8Array> } | { reason: string }> {
  const { packageUrl, proposalId } = record;
  if (packageUrl !== undefined) return { where: packageUrl, download: () => deps.packageSource.downloadUrl(packageUrl) };
  if (proposalId === undefined) {
    return { reason: `the package record of ${what} on ${record.channel} names no place to download ${record.packageId} from (it was recorded with RecordChaincodePackage, not by a deployment)` };
  }
  const { proposer } = await deps.client.getProposal(proposalId);
  const apiUrl = await deps.client.memberApiUrl(proposer);
  if (!apiUrl) return { reason: `${proposer}, the proposer of ${proposalId}, publishes no apiUrl to download ${record.packageId} from` };
  return { where: apiUrl, download: () => deps.packageSource.download(apiUrl, proposalId) };
}
