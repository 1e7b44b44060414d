import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashApiKey } from '../../src/auth/api-keys';
import { ConfigError, loadConfig } from '../../src/config';

const files: Record<string, string> = {
  '/keys.json': JSON.stringify([{ id: 'ops', role: 'admin', sha256: hashApiKey('osk_x') }]),
  '/hmac.key': 'k'.repeat(32),
};
const readFile = (path: string): Buffer => {
  if (!(path in files)) throw Object.assign(new Error(`ENOENT: no such file, open '${path}'`), { code: 'ENOENT' });
  return Buffer.from(files[path]);
};
const env = {
  OPSSC_ORG_MSP_ID: 'Org1MSP',
  OPSSC_PUBLIC_URL: 'https://api.org1.example.com/',
  OPSSC_API_KEYS_FILE: '/keys.json',
  OPSSC_INVITATION_HMAC_KEY_FILE: '/hmac.key',
  OPSSC_PEER_ENDPOINT: 'peer0.org1.example.com:7051',
  OPSSC_PEER_TLS_CA_FILE: '/tls-ca.pem',
  OPSSC_IDENTITY_CERT_FILE: '/cert.pem',
  OPSSC_IDENTITY_KEY_FILE: '/key.pem',
};

describe('config', () => {
  it('applies the documented defaults and freezes the result', () => {
    const config = loadConfig(env, readFile);
    expect(config).toMatchObject({
      listenHost: '127.0.0.1',
      port: 8080,
      publicUrl: 'https://api.org1.example.com',
      channel: 'ops-channel',
      chaincode: 'consortium_ops',
      autoApproveJoinRequests: false,
      bodyLimitBytes: 1_048_576,
      logLevel: 'info',
      trustProxy: false,
      peerHostAlias: undefined,
    });
    expect(config.apiKeys).toEqual([{ id: 'ops', role: 'admin', sha256: hashApiKey('osk_x') }]);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it.each(['OPSSC_ORG_MSP_ID', 'OPSSC_API_KEYS_FILE', 'OPSSC_INVITATION_HMAC_KEY_FILE', 'OPSSC_PEER_ENDPOINT', 'OPSSC_IDENTITY_KEY_FILE'])(
    'when %s is missing, it refuses to start',
    (name) => {
      expect(() => loadConfig({ ...env, [name]: '' }, readFile)).toThrow(new ConfigError(`${name} is required`));
    },
  );

  it('when the HMAC key file is missing, it refuses to start and names the variable', () => {
    expect(() => loadConfig({ ...env, OPSSC_INVITATION_HMAC_KEY_FILE: '/nope' }, readFile)).toThrow(/OPSSC_INVITATION_HMAC_KEY_FILE \(\/nope\) is unusable: ENOENT/);
  });

  it('when the HMAC key is too short, it refuses to start without printing the key', () => {
    files['/short.key'] = 'tiny-secret';
    const load = () => loadConfig({ ...env, OPSSC_INVITATION_HMAC_KEY_FILE: '/short.key' }, readFile);
    expect(load).toThrow(/at least 32 bytes/);
    expect(load).not.toThrow(/tiny-secret/);
  });

  it('when the API keys file holds a plain key instead of a hash, it refuses to start', () => {
    files['/plain.json'] = JSON.stringify([{ id: 'ops', role: 'admin', sha256: 'osk_plaintext' }]);
    expect(() => loadConfig({ ...env, OPSSC_API_KEYS_FILE: '/plain.json' }, readFile)).toThrow(/OPSSC_API_KEYS_FILE/);
  });

  it('when a boolean or a number is malformed, it refuses to start', () => {
    expect(() => loadConfig({ ...env, OPSSC_AUTO_APPROVE_JOIN_REQUESTS: 'yes' }, readFile)).toThrow(/true or false/);
    expect(() => loadConfig({ ...env, OPSSC_PORT: 'http' }, readFile)).toThrow(/OPSSC_PORT/);
  });

  it('when a chaincode package directory is given, it must be an existing absolute directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'opssc-config-'));
    try {
      expect(loadConfig(env, readFile).chaincodePackagesDir).toBeUndefined();
      expect(loadConfig({ ...env, OPSSC_CHAINCODE_PACKAGES_DIR: dir }, readFile).chaincodePackagesDir).toBe(dir);
      expect(() => loadConfig({ ...env, OPSSC_CHAINCODE_PACKAGES_DIR: 'packages' }, readFile)).toThrow(/OPSSC_CHAINCODE_PACKAGES_DIR must be an absolute path/);
      expect(() => loadConfig({ ...env, OPSSC_CHAINCODE_PACKAGES_DIR: join(dir, 'missing') }, readFile)).toThrow(/OPSSC_CHAINCODE_PACKAGES_DIR .* is not a directory/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
