import { canonicalJson } from '../../src/canonical-json';
import { JOIN_REQUEST_CHECK_NAMES, MSP_CHECK_NAMES, validateJoinRequest, validateMspDefinition } from '../../src/msp';
import { makeSignedJoinRequest, makeTestOrg } from '../support';
import { NOW, contextAt } from './validation-fixtures';

describe('a valid join request', () => {
  it('when the tree is valid, every check passes and each is reported by name', async () => {
    const org = await makeTestOrg('Org3MSP', { now: NOW });
    const report = await validateJoinRequest(makeSignedJoinRequest(org), contextAt());
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.checks.map((c) => c.name)).toEqual(JOIN_REQUEST_CHECK_NAMES);
    expect(report.ok).toBe(true);
    expect(report.validatedAt).toBe(NOW.toISOString());
  });

  it('when identities are issued by an intermediate CA with a CRL, every check passes', async () => {
    const org = await makeTestOrg('Org3MSP', { now: NOW, withIntermediate: true, crl: 'empty', explicitAdmins: true });
    const report = await validateJoinRequest(makeSignedJoinRequest(org), contextAt());
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
  });

  it('when the MSP alone is validated, every MSP check passes', async () => {
    const org = await makeTestOrg('Org3MSP', { now: NOW });
    const report = await validateMspDefinition(org.msp, contextAt());
    expect(report.checks.map((c) => c.name)).toEqual(MSP_CHECK_NAMES);
    expect(report.ok).toBe(true);
  });

  it('when the same request is validated twice at the same time, the reports are byte-identical', async () => {
    const org = await makeTestOrg('Org3MSP', { now: NOW, withIntermediate: true, crl: 'revoke-admin' });
    const req = makeSignedJoinRequest(org);
    const first = canonicalJson(await validateJoinRequest(req, contextAt()));
    const second = canonicalJson(await validateJoinRequest(JSON.parse(JSON.stringify(req)), contextAt(new Date(NOW.getTime()))));
    expect(second).toBe(first);
  });
});
