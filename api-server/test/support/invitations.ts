import type { TestServer } from './test-server';

/** Issues an invitation through the API, as an Org admin would, and returns the one-time answer. */
export async function issueInvitation(server: TestServer, mspId = 'Org3MSP', expiresInSeconds = 3600) {
  const response = await server.call('POST', '/api/v1/invitations', { auth: server.keys.admin, body: { mspId, expiresInSeconds } });
  if (response.status !== 201) {
    throw new Error(`issuing an invitation failed with ${response.status}: ${await response.text()}`);
  }
  return (await response.json()) as { invitationId: string; token: string; apiUrl: string; expiresAt: string };
}
