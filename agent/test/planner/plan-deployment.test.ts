import { planDeployment, type DeploymentView } from '../../src/planner/plan-deployment';
import type { MemberSummary } from '../../src/planner/proposal-view';

const NOW = new Date('2030-01-01T00:00:00Z');
const member = (mspId: string, channels: string[]): MemberSummary => ({ mspId, status: 'ACTIVE', channels });

function deployment(channel: string, steps: DeploymentView['deploymentSteps'] = []): DeploymentView {
  return { id: 'p-0123456789abcdef', type: 'DEPLOY_CHAINCODE', status: 'APPLYING', channels: [channel], decidedAt: NOW.toISOString(), deploymentSteps: steps } as unknown as DeploymentView;
}

describe('the deployment plan', () => {
  const members = [member('Org1MSP', ['ops-channel', 'mychannel3']), member('Org2MSP', ['ops-channel'])];

  it("when this org is not on the deployment's channel by the member records, it takes no part", () => {
    expect(planDeployment(deployment('mychannel3'), 'Org2MSP', members, NOW, 60_000)).toEqual({ kind: 'NOT_ON_CHANNEL', channel: 'mychannel3' });
  });

  it("when this org is on the channel, it installs and approves, and the channel's only org is the committer", () => {
    expect(planDeployment(deployment('mychannel3'), 'Org1MSP', members, NOW, 60_000)).toEqual({ kind: 'INSTALL_APPROVE' });
    const approved = [{ proposalId: 'p-0123456789abcdef', kind: 'ORG', mspId: 'Org1MSP', status: 'INSTALLED_APPROVED', packageId: 'basic:00', recordedAt: '', txId: '' }] as DeploymentView['deploymentSteps'];
    expect(planDeployment(deployment('mychannel3', approved), 'Org1MSP', members, NOW, 60_000)).toEqual({ kind: 'COMMIT', orgs: ['Org1MSP'] });
  });

  it('when no member record lists the channel (a channel made by hand), every active member takes part', () => {
    expect(planDeployment(deployment('handmade'), 'Org2MSP', members, NOW, 60_000)).toEqual({ kind: 'INSTALL_APPROVE' });
  });
});
