import { nodeOuRole, parseClientId, subjectOrganizationalUnits, type NodeOUs } from '../../src';

const SLASH = 'x509::/C=US/ST=North Carolina/O=Hyperledger/OU=admin/OU=org1/CN=org1admin::/C=US/ST=North Carolina/L=Durham/O=org1.example.com/CN=ca.org1.example.com';
const COMMA = 'x509::CN=user1,OU=client+OU=org1+OU=department1,O=Hyperledger,ST=North Carolina,C=US::CN=ca.org1.example.com,O=org1.example.com,C=US';

describe('client identity ids', () => {
  test('when the id is in fabric-chaincode-node slash form, the subject OUs are read in order', () => {
    expect(subjectOrganizationalUnits(SLASH)).toEqual(['admin', 'org1']);
    expect(parseClientId(SLASH).issuer.find((a) => a.name === 'CN')?.value).toBe('ca.org1.example.com');
  });

  test('when the id is in Go comma form with multi-valued RDNs, every OU is read', () => {
    expect(subjectOrganizationalUnits(COMMA)).toEqual(['client', 'org1', 'department1']);
  });

  test('when the id is base64 of the comma form (Go GetID), it is decoded first', () => {
    expect(subjectOrganizationalUnits(Buffer.from(COMMA).toString('base64'))).toEqual(['client', 'org1', 'department1']);
  });

  test('when a value contains an escaped slash, it is not split', () => {
    expect(parseClientId('x509::/O=a\\/b/OU=admin/CN=x::/CN=ca').subject).toEqual([
      { name: 'O', value: 'a/b' },
      { name: 'OU', value: 'admin' },
      { name: 'CN', value: 'x' },
    ]);
  });
});

describe('NodeOU roles', () => {
  const custom: NodeOUs = { enable: true, adminOUIdentifier: 'boss', clientOUIdentifier: 'user', peerOUIdentifier: 'node', ordererOUIdentifier: 'osn' };

  test.each([
    [['admin', 'org1'], 'admin'],
    [['client'], 'client'],
    [['peer'], 'peer'],
    [['orderer'], 'orderer'],
    [['org1'], 'none'],
  ])('when the OUs are %j with Fabric CA identifiers, the role is %s', (ous, role) => {
    expect(nodeOuRole(ous, undefined)).toBe(role);
  });

  test('when an org uses its own identifiers, they decide the role', () => {
    expect(nodeOuRole(['boss'], custom)).toBe('admin');
    expect(nodeOuRole(['admin'], custom)).toBe('none');
  });

  test('when a certificate carries both admin and client OUs, it is not an admin', () => {
    expect(nodeOuRole(['admin', 'client'], undefined)).toBe('client');
  });

  test('when the org has NodeOUs disabled, no OU makes a role', () => {
    expect(nodeOuRole(['admin'], { ...custom, enable: false })).toBe('none');
  });
});
