import { Keys, type DeploymentStep, type DeploymentStepKind } from '@opssc/core';
import type { TxContext } from '../context/tx-context';
import { getJson, listJson, putJson } from './state';

/** Writes a deployment step under its own key. */
export async function putDeploymentStep(tx: TxContext, step: DeploymentStep): Promise<void> {
  await putJson(tx.stub, Keys.deploymentStep(step.proposalId, step.kind, step.mspId), step);
}

/** The steps of a proposal, of one kind or all (a phantom-protected range read). */
export async function listDeploymentSteps(tx: TxContext, proposalId: string, kind?: DeploymentStepKind): Promise<DeploymentStep[]> {
  return listJson<DeploymentStep>(tx.stub, Keys.deploymentStepsOf(proposalId, kind));
}

/** One step, or undefined. */
export async function getDeploymentStep(tx: TxContext, proposalId: string, kind: DeploymentStepKind, mspId: string): Promise<DeploymentStep | undefined> {
  return getJson<DeploymentStep>(tx.stub, Keys.deploymentStep(proposalId, kind, mspId));
}
