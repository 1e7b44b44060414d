import { BootstrapError, chaincodeErrorCode } from './bootstrap-error';
import type { MemberNetwork } from './bootstrap-ports';
import type { OwnNodes } from './join-channel-nodes';
import { evaluateJson } from './member-queries';
import { runStep, type BootstrapContext, type StepResult } from './step-runner';

// Refusals that a fresh read of the ledger can resolve: the membership moved, the admission was not
// yet APPLIED on the member's peer, or a concurrent transaction won a read conflict.
const RACES = new Set(['MEMBERSHIP_VERSION_STALE', 'INVALID_STATUS_TRANSITION', 'MVCC_CONFLICT']);
const CONFLICT = /MVCC_READ_CONFLICT|PHANTOM_READ_CONFLICT/;

/** Checks that every channel's peer (and orderer, if any) is really there before telling the consortium. */
async function verifyJoined(nodes: OwnNodes, channels: string[]): Promise<StepResult> {
  const peerChannels = await nodes.peer.listChannels();
  const missing = channels.filter((c) => !peerChannels.includes(c));
  const ordererMissing: string[] = [];
  for (const channel of nodes.orderer ? channels : []) {
    if (!(await nodes.orderer?.getChannel(channel))) ordererMissing.push(channel);
  }
  if (missing.length > 0 || ordererMissing.length > 0) {
    // The state file says these were joined, so the node lost them (its data was wiped): start over knowingly.
    throw new Error(`the peer is missing ${missing.join(', ') || 'nothing'} and the orderer ${ordererMissing.join(', ') || 'nothing'}; remove the bootstrap state file to bootstrap again`);
  }
  return { outcome: 'done', detail: `peer${nodes.orderer ? ' and orderer' : ''} on ${channels.join(', ')}` };
}

/**
 * ActivateMember, exactly once: the member record is read first (ACTIVE already means a previous run
 * got through, even if it crashed before recording it), then the current membership version is
 * acknowledged. A version that moved underneath is read again and acknowledged again.
 */
async function activate(ctx: BootstrapContext, net: MemberNetwork): Promise<StepResult> {
  const mspId = ctx.options.mspId;
  for (let attempt = 1; ; attempt++) {
    const member = await evaluateJson<{ status: string }>(net, 'GetMember', mspId);
    if (member.status === 'ACTIVE') return { outcome: 'already-done', detail: `${mspId} is ACTIVE` };
    if (member.status !== 'APPROVED') throw new BootstrapError('MEMBER_STATUS', `${mspId} is ${member.status}; only an APPROVED org activates`, false);
    const snapshot = await evaluateJson<{ version: number }>(net, 'GetMembershipSnapshot');
    try {
      await net.submit('ActivateMember', String(snapshot.version));
      return { outcome: 'done', detail: `${mspId} is ACTIVE, acknowledging membership version ${snapshot.version}` };
    } catch (err) {
      const code = chaincodeErrorCode(err);
      const raced = (code !== undefined && RACES.has(code)) || CONFLICT.test(String((err as Error)?.message));
      if (!raced) throw err;
      if (attempt >= ctx.options.activationAttempts) {
        throw new BootstrapError('MEMBER_STATUS', `activation was refused ${attempt} times, last with ${code ?? 'a read conflict'}`, true);
      }
    }
  }
}

/** The last steps: verify the nodes, activate, and mark the bootstrap complete so later runs do nothing. */
export async function finishBootstrap(ctx: BootstrapContext, nodes: OwnNodes, net: MemberNetwork, channels: string[]): Promise<void> {
  await runStep(ctx, 'verify-joined', { step: 'verify-joined' }, () => verifyJoined(nodes, channels));
  await runStep(ctx, 'activate', { step: 'activate' }, () => activate(ctx, net));
}
