import { validateJoinRequest } from '../../src/msp';
import { makeJoinRequestBody, makeSignedJoinRequest, makeTestOrg, type TestOrg } from '../support';
import { NOW, contextAt, detailOf, failedChecks } from './validation-fixtures';

describe('nodes and channels of a join request', () => {
  let org: TestOrg;
  beforeAll(async () => {
    org = await makeTestOrg('Org3MSP', { now: NOW });
  });

  const withOrderer = (patch: Record<string, unknown>) => {
    const orderer = { ...makeJoinRequestBody(org).nodes.orderers[0], ...patch };
    return makeSignedJoinRequest(org, { nodes: { ...makeJoinRequestBody(org).nodes, orderers: [orderer] } });
  };

  it('when the orderer TLS certificate is issued by the identity CA, node-tls-chain fails', async () => {
    const report = await validateJoinRequest(withOrderer({ clientTlsCert: org.peerCertPem }), contextAt());
    expect(failedChecks(report)).toEqual(['node-tls-chain']);
    expect(detailOf(report, 'node-tls-chain')).toBe('nodes.orderers[0].clientTlsCert: does not chain to a TLS root of the MSP');
  });

  it('when the orderer server certificate does not name its host, node-tls-chain fails', async () => {
    const report = await validateJoinRequest(withOrderer({ host: 'orderer9.elsewhere.example.com' }), contextAt());
    expect(failedChecks(report)).toEqual(['node-tls-chain']);
    expect(detailOf(report, 'node-tls-chain')).toContain('does not name host orderer9.elsewhere.example.com');
  });

  it('when an orderer port is out of range, node-endpoints fails', async () => {
    const report = await validateJoinRequest(withOrderer({ port: 70000 }), contextAt());
    expect(failedChecks(report)).toEqual(['node-endpoints']);
  });

  it('when an anchor peer is not one of the peers, node-endpoints fails', async () => {
    const nodes = { ...makeJoinRequestBody(org).nodes, anchorPeers: [{ host: '10.0.0.9', port: 7051 }] };
    const report = await validateJoinRequest(makeSignedJoinRequest(org, { nodes }), contextAt());
    expect(failedChecks(report)).toEqual(['node-endpoints']);
    expect(detailOf(report, 'node-endpoints')).toBe('nodes.anchorPeers[0]: not one of nodes.peers');
  });

  it('when a channel name is not one Fabric accepts, channel-names fails', async () => {
    const report = await validateJoinRequest(makeSignedJoinRequest(org, { channels: ['ops-channel', 'Bad_Channel'] }), contextAt());
    expect(failedChecks(report)).toEqual(['channel-names']);
  });
});
