import { joinRequestDigest, type JoinRequest } from '@opssc/core';
import { buildJoinRequest, type JoinRequestSigner, type JoinRequestSources } from './build-join-request';
import { ApiError, type JoinApiClient, type JoinOutcome } from './join-api-client';
import { formatReport } from './report-format';

/** One member's invitation: its api-server URL and the token it issued. */
export interface Invitation {
  url: string;
  token: string;
}

/** Everything `opssc join` needs, already parsed from argv. */
export interface JoinOptions extends JoinRequestSources {
  invitations: Invitation[];
  follow: boolean;
  pollSeconds: number;
}

/** The command's ports, so tests drive it against real api-servers with fakes behind them. */
export interface JoinDeps {
  client: JoinApiClient;
  sign: JoinRequestSigner;
  print(line: string): void;
  sleep(ms: number): Promise<void>;
}

/** Proposal statuses after which following stops. */
const FINAL_STATUSES = new Set(['APPLIED', 'REJECTED', 'WITHDRAWN', 'EXPIRED', 'DROPPED', 'FAILED']);

/**
 * Builds and signs the join request, sends it to every invitation's api-server in order (the first
 * creates the proposal, the others attest to it), reports each answer, and optionally follows the
 * proposal to its end. Returns the process exit code: 0 only if every member accepted the request.
 */
export async function runJoin(options: JoinOptions, deps: JoinDeps): Promise<number> {
  const request = await buildJoinRequest(options, deps.sign);
  const digest = joinRequestDigest(request);
  deps.print(`Join request for ${request.mspId} (digest ${digest})`);
  let accepted: { invitation: Invitation; outcome: JoinOutcome } | undefined;
  let failures = 0;
  for (const invitation of options.invitations) {
    const outcome = await send(deps, invitation, request, digest);
    if (outcome) {
      accepted ??= { invitation, outcome };
    } else {
      failures += 1;
    }
  }
  if (!accepted) {
    deps.print('No member accepted the request.');
    return 1;
  }
  if (accepted.outcome.report) {
    deps.print(formatReport(accepted.outcome.report));
  }
  if (options.follow) {
    const finalStatus = await follow(deps, accepted.invitation, accepted.outcome.proposalId, options.pollSeconds);
    return finalStatus === 'APPLIED' && failures === 0 ? 0 : 1;
  }
  return failures === 0 ? 0 : 1;
}

async function send(deps: JoinDeps, invitation: Invitation, request: JoinRequest, digest: string): Promise<JoinOutcome | undefined> {
  try {
    const outcome = await deps.client.submit(invitation.url, invitation.token, request);
    const action = outcome.created ? 'created proposal' : 'attested proposal';
    deps.print(`✔ ${invitation.url}: ${action} ${outcome.proposalId}${outcome.autoApproved ? ' (auto-approved)' : ''}`);
    if (outcome.digest !== digest) {
      // The server computed another digest than we signed: something between us changed the request.
      deps.print(`  ✘ digest mismatch: server has ${outcome.digest}, we sent ${digest}`);
      return undefined;
    }
    return outcome;
  } catch (err) {
    const reason = err instanceof ApiError ? err.message : `unreachable (${(err as Error).message})`;
    deps.print(`✘ ${invitation.url}: ${reason}`);
    return undefined;
  }
}

async function follow(deps: JoinDeps, invitation: Invitation, proposalId: string, pollSeconds: number): Promise<string> {
  deps.print(`Following ${proposalId} at ${invitation.url} (every ${pollSeconds}s)`);
  let last = '';
  for (;;) {
    try {
      const status = await deps.client.status(invitation.url, invitation.token, proposalId);
      const line = `proposal ${status.status}, member ${status.memberStatus ?? 'unknown'}`;
      if (line !== last) {
        deps.print(`  ${line}`);
        last = line;
      }
      if (FINAL_STATUSES.has(status.status)) {
        return status.status;
      }
    } catch (err) {
      // A member's server restarting is no reason to stop following; a refused token is.
      if (err instanceof ApiError && err.status < 500) {
        deps.print(`  ✘ ${err.message}`);
        return 'UNKNOWN';
      }
      deps.print(`  (status unavailable: ${(err as Error).message})`);
    }
    await deps.sleep(pollSeconds * 1000);
  }
}
