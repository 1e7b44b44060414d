import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTestOrg, TestOrg } from '../../core/test/support/cert-tree';
import { enrolledIdentityFiles, normalizeTlsDir } from '../src/msp-files';

/** The folder `fabric-ca-client enroll --enrollment.profile tls -M <dir>` leaves, with a real TLS certificate. */
function tlsEnrollment(dir: string, tree: TestOrg, keyPem: string): void {
  for (const sub of ['keystore', 'signcerts', 'tlscacerts', 'cacerts', 'user']) mkdirSync(join(dir, sub), { recursive: true });
  writeFileSync(join(dir, 'keystore', '9d41e0c7_sk'), keyPem);
  writeFileSync(join(dir, 'signcerts', 'cert.pem'), tree.ordererTls.clientCertPem);
  writeFileSync(join(dir, 'tlscacerts', 'tls-127-0-0-1-17050.pem'), tree.tlsRootPem);
  writeFileSync(join(dir, 'IssuerPublicKey'), '');
  writeFileSync(join(dir, 'IssuerRevocationPublicKey'), '');
}

describe('MSP files of an enrollment', () => {
  let tree: TestOrg;
  let keyPem: string;
  let dir: string;

  beforeAll(async () => {
    tree = await makeTestOrg('Org1MSP');
    keyPem = tree.clientKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'opssc-msp-files-'));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('flattens a TLS enrollment into ca.crt, client.crt and client.key when asked for a client pair', () => {
    tlsEnrollment(dir, tree, keyPem);

    normalizeTlsDir(dir, 'client');

    expect(readdirSync(dir).sort()).toEqual(['ca.crt', 'client.crt', 'client.key']);
    expect(['ca.crt', 'client.crt', 'client.key'].map((f) => readFileSync(join(dir, f), 'utf8'))).toEqual([tree.tlsRootPem, tree.ordererTls.clientCertPem, keyPem]);
  });

  it('names the pair server.crt and server.key by default, as the node configs expect', () => {
    tlsEnrollment(dir, tree, keyPem);

    normalizeTlsDir(dir);

    expect(readdirSync(dir).sort()).toEqual(['ca.crt', 'server.crt', 'server.key']);
  });

  it('when the keystore holds two keys, it refuses to guess which one the certificate belongs to', () => {
    tlsEnrollment(dir, tree, keyPem);
    writeFileSync(join(dir, 'keystore', '0b77aa12_sk'), keyPem);

    expect(() => enrolledIdentityFiles(dir)).toThrow(`expected one file in ${join(dir, 'keystore')}, found 2`);
  });
});
