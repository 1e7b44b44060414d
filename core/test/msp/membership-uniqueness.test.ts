import { validateJoinRequest } from '../../src/msp';
import { makeSignedJoinRequest, makeTestOrg, type TestOrg } from '../support';
import { NOW, contextAt, detailOf, failedChecks } from './validation-fixtures';

describe('MSP ID and root CA against existing members', () => {
  let org1: TestOrg;
  beforeAll(async () => {
    org1 = await makeTestOrg('Org1MSP', { now: NOW });
  });

  it('when a member already uses the MSP ID, msp-id-unique fails', async () => {
    const org = await makeTestOrg('Org1MSP', { now: NOW });
    const report = await validateJoinRequest(makeSignedJoinRequest(org), contextAt(NOW, [{ mspId: 'Org1MSP', msp: org1.msp }]));
    expect(failedChecks(report)).toEqual(['msp-id-unique']);
  });

  it('when the MSP ID differs from a member only by case, msp-id-unique fails', async () => {
    const org = await makeTestOrg('ORG1msp', { now: NOW });
    const report = await validateJoinRequest(makeSignedJoinRequest(org), contextAt(NOW, [{ mspId: 'Org1MSP', msp: org1.msp }]));
    expect(failedChecks(report)).toEqual(['msp-id-unique']);
  });

  it('when the MSP ID is malformed, msp-id-format fails', async () => {
    const org = await makeTestOrg('Org3MSP', { now: NOW });
    const msp = { ...org.msp, mspId: '3rg MSP/../x' };
    const report = await validateJoinRequest(makeSignedJoinRequest(org, { mspId: msp.mspId, msp }), contextAt());
    expect(failedChecks(report)).toEqual(['msp-id-format']);
  });

  it('when the root CA is already a root of a member, root-ca-unique fails', async () => {
    const org = await makeTestOrg('Org3MSP', { now: NOW });
    const member = { mspId: 'Org1MSP', msp: { ...org1.msp, rootCerts: [...org1.msp.rootCerts, org.rootCa.certPem] } };
    const report = await validateJoinRequest(makeSignedJoinRequest(org), contextAt(NOW, [member]));
    expect(failedChecks(report)).toEqual(['root-ca-unique']);
    expect(detailOf(report, 'root-ca-unique')).toContain('Org1MSP');
  });

  it('when members have other roots and IDs, both uniqueness checks pass', async () => {
    const org = await makeTestOrg('Org3MSP', { now: NOW });
    const report = await validateJoinRequest(makeSignedJoinRequest(org), contextAt(NOW, [{ mspId: 'Org1MSP', msp: org1.msp }]));
    expect(report.ok).toBe(true);
  });
});
