import { ChaincodeEvent } from '@hyperledger/fabric-gateway';
import { TextDecoder } from 'node:util';
import { queryCommitted } from '../../test-network/src/chaincode-lifecycle';
import { CONSORTIUM_CHAINCODE, evaluateAsAdmin, submitAsAdmin, withConsortiumContract } from '../../test-network/src/consortium';
import { signedJoinRequest } from '../../test-network/src/joining-org';
import { OPS_CHANNEL } from '../../test-network/src/network';
import { NetworkState, orgHandle } from '../../test-network/src/network-state';
import { startConsortiumNetwork, stopSuiteNetwork } from '../../test-network/test/support/suite-network';
import { connectGateway } from '../../test-network/src/gateway-connection';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

jest.setTimeout(600_000);

const SUITE = 'chaincode-e2e';
const utf8 = new TextDecoder();

interface ProposalView {
  id: string;
  status: string;
  proposer: string;
  relayedBy?: string;
  votes: { mspId: string; decision: string }[];
  attestations: { mspId: string }[];
  validationReport?: { ok: boolean; checks: { name: string; ok: boolean }[] };
}

describe('consortium_ops on a real Fabric network', () => {
  let network: NetworkState;
  const org = (mspId: string) => orgHandle(network, mspId);

  beforeAll(async () => {
    network = await startConsortiumNetwork({ name: SUITE, basePort: 25050, orgs: 3, founders: ['Org1MSP', 'Org2MSP'] });
  });

  afterAll(async () => {
    expect(await stopSuiteNetwork(SUITE)).toEqual([]);
  });

  it('is committed on ops-channel with both founders approving, and both founders are ACTIVE', async () => {
    const committed = await queryCommitted(org('Org1MSP'), OPS_CHANNEL, CONSORTIUM_CHAINCODE);
    expect(committed.approvals).toEqual({ Org1MSP: true, Org2MSP: true });
    const snapshot = (await evaluateAsAdmin(org('Org2MSP'), 'GetMembershipSnapshot')) as { members: { mspId: string; status: string }[] };
    expect(snapshot.members).toEqual([
      { mspId: 'Org1MSP', status: 'ACTIVE' },
      { mspId: 'Org2MSP', status: 'ACTIVE' },
    ]);
  });

  it('takes a self-proposed ADD_ORG through validation, attestation and votes to APPROVED, with one event per step', async () => {
    const expiresAt = new Date(Date.now() + 3600_000).toISOString();
    const { blockNumber: startBlock } = await chainInfo();
    await submitAsAdmin(org('Org1MSP'), 'IssueInvitation', JSON.stringify({ invitationId: 'inv-org1-org3', mspId: 'Org3MSP', expiresAt, tokenHmac: 'a'.repeat(64) }));
    await submitAsAdmin(org('Org2MSP'), 'IssueInvitation', JSON.stringify({ invitationId: 'inv-org2-org3', mspId: 'Org3MSP', expiresAt, tokenHmac: 'b'.repeat(64) }));
    const request = signedJoinRequest(org('Org3MSP'), [OPS_CHANNEL]);

    const created = (await submitAsAdmin(org('Org1MSP'), 'SubmitJoinRequest', 'inv-org1-org3', JSON.stringify(request))) as { proposalId: string; digest: string; report: { ok: boolean } };
    expect(created.report.ok).toBe(true);
    const attested = (await submitAsAdmin(org('Org2MSP'), 'AttestJoinRequest', 'inv-org2-org3', JSON.stringify(request))) as { attested: boolean; digest: string };
    expect(attested).toMatchObject({ attested: true, digest: created.digest });

    await submitAsAdmin(org('Org1MSP'), 'CastVote', created.proposalId, 'approve', 'MSP validated and attested');
    await submitAsAdmin(org('Org2MSP'), 'CastVote', created.proposalId, 'approve', 'looks right');
    await submitAsAdmin(org('Org2MSP'), 'TallyProposal', created.proposalId);

    const proposal = (await evaluateAsAdmin(org('Org1MSP'), 'GetProposal', created.proposalId)) as ProposalView;
    expect(proposal).toMatchObject({ status: 'APPROVED', proposer: 'Org3MSP', relayedBy: 'Org1MSP' });
    expect(proposal.votes.map((v) => v.mspId).sort()).toEqual(['Org1MSP', 'Org2MSP']);
    expect(proposal.attestations.map((a) => a.mspId).sort()).toEqual(['Org1MSP', 'Org2MSP']);
    expect(proposal.validationReport?.checks.every((c) => c.ok)).toBe(true);

    const events = await readEvents(startBlock, 7);
    expect(events.map((e) => e.eventName)).toEqual([
      'InvitationIssued', 'InvitationIssued', 'ProposalCreated', 'AttestationRecorded', 'VoteCast', 'VoteCast', 'ProposalDecided',
    ]);
    const decided = JSON.parse(utf8.decode(events[6].payload)) as { proposalId: string; status: string };
    expect(decided).toMatchObject({ proposalId: created.proposalId, status: 'APPROVED' });
  });

  it('refuses a vote from a member org identity that is not an admin, with NOT_AN_ADMIN, and records nothing', async () => {
    const proposal = (await submitAsAdmin(org('Org1MSP'), 'CreateProposal', 'SET_VOTING_POLICY', JSON.stringify({ policy: { rule: 'ALL' } }), '3600')) as { id: string };
    const clientVote = withConsortiumContract(org('Org2MSP'), 'client', (contract) => contract.submitTransaction('CastVote', proposal.id, 'approve', 'as a client'));
    await expect(clientVote).rejects.toThrow(/NOT_AN_ADMIN/);
    const after = (await evaluateAsAdmin(org('Org1MSP'), 'GetProposal', proposal.id)) as ProposalView;
    expect(after.votes).toEqual([]);
  });

  async function chainInfo(): Promise<{ blockNumber: bigint }> {
    // the next block to be written is where this test's events start
    const height = await import('../../test-network/src/peer-cli').then((m) => m.ledgerHeight(org('Org1MSP'), OPS_CHANNEL));
    return { blockNumber: BigInt(height) };
  }

  async function readEvents(startBlock: bigint, count: number): Promise<ChaincodeEvent[]> {
    const o = org('Org1MSP');
    const { gateway, client } = connectGateway(`127.0.0.1:${o.ports.peer}`, readFileSync(join(o.layout.peerTls, 'ca.crt')), { mspId: 'Org1MSP', mspDir: o.layout.clientMsp });
    const events = await gateway.getNetwork(OPS_CHANNEL).getChaincodeEvents(CONSORTIUM_CHAINCODE, { startBlock });
    const seen: ChaincodeEvent[] = [];
    try {
      for await (const event of events) {
        seen.push(event);
        if (seen.length === count) break;
      }
    } finally {
      events.close();
      gateway.close();
      client.close();
    }
    return seen;
  }
});
