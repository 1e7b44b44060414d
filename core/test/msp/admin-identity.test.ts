import { validateJoinRequest } from '../../src/msp';
import { makeSignedJoinRequest, makeTestOrg } from '../support';
import { NOW, contextAt, detailOf, failedChecks } from './validation-fixtures';

describe('admin identities and NodeOUs', () => {
  it('when an explicit admin certificate comes from another CA, admin-chain fails', async () => {
    const org = await makeTestOrg('Org3MSP', { now: NOW, adminFromForeignCa: true });
    const report = await validateJoinRequest(makeSignedJoinRequest(org), contextAt());
    expect(failedChecks(report)).toEqual(['admin-chain', 'proof-signer-admin']);
    expect(detailOf(report, 'admin-chain')).toContain("msp.admins[0]: does not chain to the MSP's CAs");
  });

  it('when an explicit admin is a CA certificate, admin-chain fails', async () => {
    const org = await makeTestOrg('Org3MSP', { now: NOW });
    const msp = { ...org.msp, admins: [org.rootCa.certPem] };
    const report = await validateJoinRequest(makeSignedJoinRequest(org, { msp }), contextAt());
    expect(failedChecks(report)).toContain('admin-chain');
    expect(detailOf(report, 'admin-chain')).toContain('is a CA certificate');
  });

  it('when NodeOUs are enabled and an explicit admin lacks the admin OU, admin-ou fails', async () => {
    const org = await makeTestOrg('Org3MSP', { now: NOW });
    const msp = { ...org.msp, admins: [org.clientCertPem] };
    const report = await validateJoinRequest(makeSignedJoinRequest(org, { msp }), contextAt());
    expect(failedChecks(report)).toEqual(['admin-ou']);
  });

  it('when NodeOUs are disabled and there are no explicit admins, node-ous fails', async () => {
    const org = await makeTestOrg('Org3MSP', { now: NOW, nodeOUs: { enable: false } });
    const report = await validateJoinRequest(makeSignedJoinRequest(org), contextAt());
    expect(failedChecks(report)).toEqual(['node-ous', 'proof-signer-admin']);
  });

  it('when NodeOUs are disabled and the signer is an explicit admin, the request passes', async () => {
    const org = await makeTestOrg('Org3MSP', { now: NOW, nodeOUs: { enable: false }, explicitAdmins: true });
    const report = await validateJoinRequest(makeSignedJoinRequest(org), contextAt());
    expect(failedChecks(report)).toEqual([]);
  });

  it('when two NodeOU roles share an identifier, node-ous fails', async () => {
    const org = await makeTestOrg('Org3MSP', { now: NOW, nodeOUs: { clientOUIdentifier: 'admin' } });
    const report = await validateJoinRequest(makeSignedJoinRequest(org), contextAt());
    expect(failedChecks(report)).toEqual(['node-ous']);
    expect(detailOf(report, 'node-ous')).toBe('nodeOUs identifiers are not distinct');
  });

  it('when NodeOUs are enabled with an empty identifier, node-ous fails', async () => {
    const org = await makeTestOrg('Org3MSP', { now: NOW, nodeOUs: { ordererOUIdentifier: '' } });
    const report = await validateJoinRequest(makeSignedJoinRequest(org), contextAt());
    expect(failedChecks(report)).toEqual(['node-ous']);
  });
});
