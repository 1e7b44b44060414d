import { createHash } from 'node:crypto';
import type { DeployChaincodePayload, DeploymentStepInput } from '@opssc/core';
import { FabricAdminError } from '../fabric/fabric-admin-error';
import type { StepOutcome } from '../logging/step-log';
import type { DeploymentAction, DeploymentView } from '../planner/plan-deployment';
import type { ChaincodeDeployerPort, PackageSourcePort } from '../ports';
import type { SubmitResult } from '../ledger/submit-transaction';
import { definitionOfPayload, readyToCommit } from './deployment-definition';
import type { ExecutorDeps } from './executor-deps';

/** One line of the step log: what was done, and how it ended. */
export type DeployStepLog = (record: { step: string; outcome: StepOutcome; detail?: string; waitingFor?: string }) => void;

/** How a performed deployment action ended for the driver: go on planning, or wait for others (the driver logs what for, once per change). */
export type DeployOutcome = 'continue' | { waitingFor: string };

const outcomeOf = (written: SubmitResult): StepOutcome => (written.kind === 'committed' ? 'done' : 'already-done');

/** Errors that will not go away by retrying: the peer refused (a build failure, a definition it rejects). */
function permanent(err: unknown): boolean {
  return err instanceof FabricAdminError && (err.code === 'PEER_REJECTED' || err.code === 'DEFINITION_CONFLICT');
}

/**
 * Performs one planned deployment action for this org. Each sub-step is idempotent (the peer reports
 * an installed package, an existing approval and a committed definition as already done; the chaincode
 * refuses a second record of the same step), so a drive after a crash repeats nothing that counts.
 * A failure that retrying cannot fix is recorded as FAILED with its reason, never as done.
 */
export async function performDeployment(
  deps: ExecutorDeps & { deployer: ChaincodeDeployerPort; packageSource: PackageSourcePort },
  proposal: DeploymentView,
  action: Exclude<DeploymentAction, { kind: 'DONE' } | { kind: 'WAIT' }>,
  log: DeployStepLog,
): Promise<DeployOutcome> {
  const payload = proposal.payload as DeployChaincodePayload;
  const record = async (step: DeploymentStepInput, name: string) => {
    const written = await deps.client.recordDeploymentStep(proposal.id, step);
    log({ step: name, outcome: step.status === 'FAILED' ? 'failed' : outcomeOf(written), detail: step.status === 'FAILED' ? step.reason : step.status });
    return 'continue' as const;
  };
  if (action.kind === 'COMMIT') return commit(deps, payload, record, log);

  const source = await packageSource(deps, proposal, payload);
  if (!source) {
    return record({ status: 'FAILED', reason: `PACKAGE_UNAVAILABLE: the proposer ${proposal.proposer} publishes no apiUrl to download ${payload.packageId} from` }, 'RECORD_STEP');
  }
  const bytes = await source.download();
  log({ step: 'DOWNLOAD', outcome: 'done', detail: `${bytes.length} bytes from ${source.where}` });
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== payload.sha256) {
    log({ step: 'VERIFY', outcome: 'refused', detail: `SHA-256 ${actual} from ${source.where}, the proposal approved ${payload.sha256}` });
    return record({ status: 'FAILED', reason: `PACKAGE_HASH_MISMATCH: ${source.named} served a package with SHA-256 ${actual}; the proposal approved ${payload.sha256}; not installed` }, 'RECORD_STEP');
  }
  log({ step: 'VERIFY', outcome: 'done', detail: `SHA-256 matches the proposal` });
  const definition = definitionOfPayload(payload);
  try {
    const installed = await deps.deployer.install(bytes);
    log({ step: 'INSTALL', outcome: installed.alreadyInstalled ? 'already-done' : 'done', detail: installed.packageId });
    if (installed.packageId !== payload.packageId) {
      return record({ status: 'FAILED', reason: `PACKAGE_ID_MISMATCH: the peer named the package ${installed.packageId}; the proposal names ${payload.packageId}` }, 'RECORD_STEP');
    }
    const approved = await deps.deployer.approve(definition, payload.packageId);
    log({ step: 'APPROVE', outcome: approved.status === 'DONE' ? 'done' : 'already-done', detail: `${payload.name} version ${payload.version} sequence ${payload.sequence} on ${payload.channel}` });
  } catch (err) {
    if (!permanent(err)) throw err;
    return record({ status: 'FAILED', reason: `${(err as FabricAdminError).code}: ${(err as Error).message}` }, 'RECORD_STEP');
  }
  return record({ status: 'INSTALLED_APPROVED', packageId: payload.packageId }, 'RECORD_STEP');
}

/** Where this org gets the package: `where` for the log, `named` for an on-chain reason (a URL may be 2048 characters). */
interface PackageLocation {
  where: string;
  named: string;
  download(): Promise<Uint8Array>;
}

/**
 * The proposal's packageUrl when it has one (a host that is not a member: the port sends it no
 * credential), else the proposer's api-server; undefined when the proposer publishes no apiUrl.
 */
async function packageSource(deps: ExecutorDeps & { packageSource: PackageSourcePort }, proposal: DeploymentView, payload: DeployChaincodePayload): Promise<PackageLocation | undefined> {
  const url = payload.packageUrl;
  if (url !== undefined) {
    return { where: url, named: "the proposal's packageUrl", download: () => deps.packageSource.downloadUrl(url) };
  }
  const apiUrl = await deps.client.memberApiUrl(proposal.proposer);
  return apiUrl ? { where: apiUrl, named: apiUrl, download: () => deps.packageSource.download(apiUrl, proposal.id) } : undefined;
}

async function commit(
  deps: ExecutorDeps & { deployer: ChaincodeDeployerPort },
  payload: DeployChaincodePayload,
  record: (step: DeploymentStepInput, name: string) => Promise<'continue'>,
  log: DeployStepLog,
): Promise<DeployOutcome> {
  const definition = definitionOfPayload(payload);
  // committed already (this agent crashed after its commit, or another org committed): record it, once
  const committed = await deps.deployer.committedSequence(payload.channel, payload.name);
  if (committed !== undefined && committed >= payload.sequence) {
    log({ step: 'COMMIT', outcome: 'already-done', detail: `${payload.name} is at sequence ${committed} on ${payload.channel}` });
    return record({ status: 'COMMITTED' }, 'RECORD_COMMIT');
  }
  const readiness = await deps.deployer.checkCommitReadiness(definition);
  if (!readyToCommit(readiness)) {
    const approved = Object.keys(readiness).filter((m) => readiness[m]);
    return { waitingFor: `lifecycle approvals to commit: ${approved.length} of ${Object.keys(readiness).length} (${approved.join(', ') || 'none'})` };
  }
  const result = await deps.deployer.commit(definition);
  log({ step: 'COMMIT', outcome: result.status === 'DONE' ? 'done' : 'already-done', detail: result.blockNumber !== undefined ? `block ${result.blockNumber}` : undefined });
  return record(result.blockNumber !== undefined ? { status: 'COMMITTED', blockNumber: result.blockNumber } : { status: 'COMMITTED' }, 'RECORD_COMMIT');
}
