import { signConfigUpdate } from '@opssc/channel-config';
import type { ChannelAction } from '../planner/actions';
import type { ProposalView } from '../planner/proposal-view';
import type { FetchedConfig } from '../ports';
import type { SubmitResult } from '../ledger/submit-transaction';
import type { ExecutorDeps } from './executor-deps';
import { submitConfigUpdate } from './submit-config-update';

/** An action that does something (not DONE or WAIT). */
export type Performable = Exclude<ChannelAction, { kind: 'DONE' } | { kind: 'WAIT' }>;

/** The step outcome of a ledger write. */
const outcomeOf = (written: SubmitResult): Performed['outcome'] => (written.kind === 'committed' ? 'done' : 'already-done');

/** How a performed action ended, for the step log. */
export interface Performed {
  outcome: 'done' | 'already-done' | 'refused';
  detail: string;
}

/**
 * Performs one planned action. Ledger writes are idempotent: an "already done" refusal (another pass of
 * this agent, or a crash after the commit) is reported as such and is not an error.
 */
export async function executeChannelAction(deps: ExecutorDeps, proposal: ProposalView, channel: string, action: Performable, current: FetchedConfig): Promise<Performed> {
  switch (action.kind) {
    case 'RECORD_UPDATE': {
      const written = await deps.client.recordConfigUpdate(proposal.id, channel, action.update, action.attempt);
      return { outcome: outcomeOf(written), detail: action.reason };
    }
    case 'SIGN': {
      // the signature covers the RECORDED bytes exactly: re-encoding a decoded update could change them
      const signature = await signConfigUpdate(action.update, deps.signer.newSignatureHeader(), (message) => deps.signer.sign(message));
      const written = await deps.client.recordConfigSignature(proposal.id, channel, action.attempt, {
        signatureHeader: Buffer.from(signature.getSignatureHeader_asU8()).toString('base64'),
        signature: Buffer.from(signature.getSignature_asU8()).toString('base64'),
      });
      return { outcome: outcomeOf(written), detail: 'signed the recorded update after an independent recomputation matched it' };
    }
    case 'RECORD_RESULT': {
      const written = await deps.client.recordTaskResult(proposal.id, channel, action.attempt, action.result);
      const detail = action.result.status === 'COMMITTED' ? `COMMITTED in config block ${action.result.blockNumber}` : `${action.result.status}: ${action.result.reason}`;
      return { outcome: outcomeOf(written), detail };
    }
    case 'SUBMIT':
      return submitConfigUpdate(deps, proposal, channel, action, current);
  }
}
