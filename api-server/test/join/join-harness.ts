import type { JoinRequest } from '@opssc/core';
import { FakeClock } from '../support/fake-clock';
import { FakeLedger } from '../support/fake-ledger';
import { issueInvitation } from '../support/invitations';
import { org3Pki, signedJoinRequest } from '../support/join-request-fixture';
import { startTestServer, type TestServer } from '../support/test-server';

/** Org1's and Org2's api-servers over one shared ledger, and Org3's signed request. */
export interface JoinHarness {
  org1: TestServer;
  org2: TestServer;
  ledger: FakeLedger;
  clock: FakeClock;
  request: JoinRequest;
  close(): Promise<void>;
}

/** Starts the two members' servers; `autoApprove` applies to Org1's. */
export async function startJoinHarness(options: { autoApprove?: boolean } = {}): Promise<JoinHarness> {
  const clock = new FakeClock();
  const ledger = new FakeLedger(clock);
  const org1 = await startTestServer({ orgMspId: 'Org1MSP', ledger, clock, autoApprove: options.autoApprove });
  const org2 = await startTestServer({ orgMspId: 'Org2MSP', ledger, clock });
  const request = signedJoinRequest('Org3MSP', await org3Pki());
  return { org1, org2, ledger, clock, request, close: async () => void (await Promise.all([org1.close(), org2.close()])) };
}

/** Sends a join request with an invitation token. */
export function postJoin(server: TestServer, token: string, body: unknown): Promise<Response> {
  return server.call('POST', '/api/v1/join-requests', { auth: token, body });
}

/** Issues an invitation on `server` and sends the request with it. */
export async function joinThrough(server: TestServer, request: JoinRequest): Promise<Response> {
  const { token } = await issueInvitation(server, request.mspId);
  return postJoin(server, token, request);
}
