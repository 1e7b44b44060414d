import { decodeConfigUpdate, mspValueBytes } from '@opssc/channel-config';
import type { common } from '@hyperledger/fabric-protos';
import { approvedChange } from '../../src/planner/approved-change';
import { addOrgView, makePlannerOrgs, OPS, opsChannel, type PlannerOrgs } from '../support/planner-fixture';

jest.setTimeout(30_000);

let orgs: PlannerOrgs;
beforeAll(async () => {
  orgs = await makePlannerOrgs();
});

const groupsOf = (group: common.ConfigGroup | undefined, name: string): string[] => {
  const keys: string[] = [];
  group?.getGroupsMap().get(name)?.getGroupsMap().forEach((_g: unknown, k: string) => keys.push(k));
  return keys;
};

describe('the approved change, computed from the current config and the payload only', () => {
  it('ADD_ORG with a consenting orderer adds the application org and the orderer org', () => {
    const change = approvedChange(addOrgView(orgs), OPS, opsChannel([orgs.org1, orgs.org2]).config);
    expect(change.kind).toBe('UPDATE');
    const write = (change as { update: common.ConfigUpdate }).update.getWriteSet();
    expect(groupsOf(write, 'Application')).toContain('Org3MSP');
    expect(groupsOf(write, 'Orderer')).toContain('Org3MSP');
  });

  it('ADD_ORG whose orderers are all followers adds only the application org', () => {
    const request = { ...orgs.request, nodes: { ...orgs.request.nodes, orderers: orgs.request.nodes.orderers.map((o) => ({ ...o, consenter: false })) } };
    const change = approvedChange(addOrgView(orgs, { payload: { request } }), OPS, opsChannel([orgs.org1, orgs.org2]).config);
    const update = decodeConfigUpdate(new Uint8Array((change as { update: common.ConfigUpdate }).update.serializeBinary()));
    expect(groupsOf(update.getWriteSet(), 'Application')).toContain('Org3MSP');
    expect(update.getWriteSet()?.getGroupsMap().has('Orderer')).toBe(false);
  });

  it('ADD_ORG on a channel that already has the org with the same MSP is already applied', () => {
    expect(approvedChange(addOrgView(orgs), OPS, opsChannel([orgs.org1, orgs.org2, orgs.org3]).config)).toEqual({ kind: 'APPLIED' });
  });

  it('ADD_ORG on a channel where the MSP ID is taken by a different MSP is impossible, never "already applied"', () => {
    const impostor = { ...orgs.org4, msp: { ...orgs.org4.msp, mspId: 'Org3MSP' } };
    const change = approvedChange(addOrgView(orgs), OPS, opsChannel([orgs.org1, orgs.org2, impostor]).config);
    expect(change).toEqual({ kind: 'INVALID', reason: expect.stringContaining('Org3MSP is already a Application org of this channel with a different MSP definition') });
  });

  it('SUSPEND_ORG, when the chain lists channels for it, takes the org off them like REMOVE_ORG', () => {
    const proposal = addOrgView(orgs, { type: 'SUSPEND_ORG', payload: { mspId: 'Org2MSP' }, subjectMspId: 'Org2MSP' });
    const change = approvedChange(proposal, OPS, opsChannel([orgs.org1, orgs.org2, orgs.org3]).config);
    expect(change.kind).toBe('UPDATE');
    expect(groupsOf((change as { updated: common.Config }).updated.getChannelGroup(), 'Application')).toEqual(['Org1MSP', 'Org3MSP']);
  });

  it('UPDATE_ORG_MSP replaces the MSP value of the org, and only that, and is APPLIED once the config has it', () => {
    const channel = opsChannel([orgs.org1, orgs.org2]).config;
    const rotated = { ...orgs.org2.msp, intermediateCerts: orgs.org3.msp.intermediateCerts, admins: [orgs.org2.msp.rootCerts[0]] };
    const proposal = addOrgView(orgs, { type: 'UPDATE_ORG_MSP', payload: { mspId: 'Org2MSP', msp: rotated } });

    const change = approvedChange(proposal, OPS, channel);

    expect(change.kind).toBe('UPDATE');
    if (change.kind !== 'UPDATE') return;
    const written = change.update.getWriteSet()!.getGroupsMap().get('Application')!.getGroupsMap().get('Org2MSP')!;
    expect([...written.getValuesMap().keys()]).toEqual(['MSP']);
    expect(written.getValuesMap().get('MSP')!.getVersion()).toBe(1);
    expect(Buffer.from(written.getValuesMap().get('MSP')!.getValue_asU8())).toEqual(Buffer.from(mspValueBytes(rotated)));
    expect(approvedChange(proposal, OPS, change.updated)).toEqual({ kind: 'APPLIED' });
  });

  it('a proposal type this agent does not carry out on channels is reported, not guessed', () => {
    const proposal = addOrgView(orgs, { type: 'SET_VOTING_POLICY', payload: { policy: { rule: 'ALL', vetoMspIds: [] } } });
    expect(approvedChange(proposal, OPS, opsChannel([orgs.org1, orgs.org2]).config)).toEqual({ kind: 'UNSUPPORTED', reason: 'SET_VOTING_POLICY is not carried out on channels by this agent' });
  });
});
