import { issueInvitation } from '../support/invitations';
import { org3Pki } from '../support/join-request-fixture';
import { postJoin, startJoinHarness, type JoinHarness } from './join-harness';

describe('logs carry no secrets', () => {
  let h: JoinHarness;
  beforeEach(async () => {
    h = await startJoinHarness({ autoApprove: true });
  });
  afterEach(() => h.close());

  it('after a full join flow with failures and errors, no key, token, HMAC key or private key appears in any log line', async () => {
    const pki = await org3Pki();
    const first = await issueInvitation(h.org1);
    const second = await issueInvitation(h.org2);
    const unused = await issueInvitation(h.org1, 'Org4MSP');
    // The happy path: relay, attest, vote, follow.
    const { proposalId } = (await (await postJoin(h.org1, first.token, h.request)).json()) as { proposalId: string };
    await postJoin(h.org2, second.token, h.request);
    await h.org2.call('POST', `/api/v1/proposals/${proposalId}/votes`, { auth: h.org2.keys.admin, body: { decision: 'approve', reason: 'ok' } });
    await h.org1.call('GET', `/api/v1/join-requests/${proposalId}`, { auth: first.token });
    // Refusals: reused token, wrong key, token where a key belongs, a key where a token belongs.
    await postJoin(h.org1, first.token, h.request);
    await h.org1.call('GET', '/api/v1/members', { auth: `${h.org1.keys.admin}0` });
    await h.org1.call('GET', '/api/v1/members', { auth: unused.token });
    await postJoin(h.org1, h.org1.keys.viewer, h.request);
    // Secrets inside bodies and inside an unexpected ledger error must not leak either.
    await h.org1.call('POST', '/api/v1/invitations', { auth: h.org1.keys.admin, body: { mspId: 'Org5MSP', expiresInSeconds: 600, key: pki.admin.privateKeyPem } });
    h.ledger.failNext('ListMembers', new Error(`boom with ${unused.token} and ${pki.admin.privateKeyPem} and Bearer ${h.org1.keys.admin}`));
    await h.org1.call('GET', '/api/v1/members', { auth: h.org1.keys.viewer });

    const logs = [...h.org1.logs, ...h.org2.logs].join('\n');
    const secrets = {
      org1Admin: h.org1.keys.admin,
      org1Viewer: h.org1.keys.viewer,
      org2Admin: h.org2.keys.admin,
      org2Viewer: h.org2.keys.viewer,
      firstToken: first.token.split('.')[1],
      secondToken: second.token.split('.')[1],
      unusedToken: unused.token.split('.')[1],
      org1HmacKey: h.org1.config.invitationHmacKey.toString('utf8'),
      privateKey: pki.admin.privateKeyPem.split('\n')[1],
    };
    expect(logs).toContain('invitation issued');
    expect(logs).toContain('request failed');
    expect(Object.entries(secrets).filter(([, secret]) => logs.includes(secret)).map(([name]) => name)).toEqual([]);
  });
});
