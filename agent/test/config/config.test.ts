import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError, loadConfig } from '../../src/config';

describe('the agent configuration', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'opssc-agent-config-'));
    const file = (name: string) => {
      const path = join(dir, name);
      writeFileSync(path, 'pem');
      return path;
    };
    env = {
      OPSSC_ORG_MSP_ID: 'Org1MSP',
      OPSSC_PEER_ENDPOINT: '127.0.0.1:7051',
      OPSSC_PEER_TLS_CA_FILE: file('peer-ca.pem'),
      OPSSC_ORDERER_ENDPOINT: '127.0.0.1:7050',
      OPSSC_ORDERER_TLS_CA_FILE: file('orderer-ca.pem'),
      OPSSC_IDENTITY_CERT_FILE: file('cert.pem'),
      OPSSC_IDENTITY_KEY_FILE: file('key.pem'),
      OPSSC_CHECKPOINT_FILE: join(dir, 'checkpoint.json'),
      OPSSC_STATUS_PORT: '7060',
    };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the environment once into a frozen object with the documented defaults', () => {
    const config = loadConfig(env);
    expect(config).toMatchObject({ mspId: 'Org1MSP', channel: 'ops-channel', chaincode: 'consortium_ops', statusPort: 7060, logLevel: 'info', peer: { address: '127.0.0.1:7051' } });
    expect(config.ordererAdmin).toBeUndefined();
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.peer)).toBe(true);
  });

  it('when required variables are missing, it refuses to start and names every one of them', () => {
    const { OPSSC_ORG_MSP_ID: _a, OPSSC_IDENTITY_KEY_FILE: _b, OPSSC_STATUS_PORT: _c, ...partial } = env;
    expect(() => loadConfig(partial)).toThrow(ConfigurationError);
    expect(() => loadConfig(partial)).toThrow(/OPSSC_ORG_MSP_ID is required\n\s+OPSSC_IDENTITY_KEY_FILE is required\n\s+OPSSC_STATUS_PORT is required/);
  });

  it('when a file does not exist or a value is malformed, it says which', () => {
    expect(() => loadConfig({ ...env, OPSSC_IDENTITY_CERT_FILE: join(dir, 'nope.pem'), OPSSC_PEER_ENDPOINT: 'peer0', OPSSC_STATUS_PORT: 'x', OPSSC_LOG_LEVEL: 'loud' })).toThrow(
      /OPSSC_PEER_ENDPOINT must be host:port, got peer0[\s\S]*OPSSC_IDENTITY_CERT_FILE: no file at .*nope\.pem[\s\S]*OPSSC_STATUS_PORT must be a port number, got x[\s\S]*OPSSC_LOG_LEVEL must be one of/,
    );
  });

  it('takes the orderer admin endpoint with its mutual TLS files when given, and refuses a half pair', () => {
    const admin = { OPSSC_ORDERER_ADMIN_URL: 'https://127.0.0.1:7053', OPSSC_ORDERER_ADMIN_TLS_CA_FILE: env.OPSSC_PEER_TLS_CA_FILE, OPSSC_ORDERER_ADMIN_TLS_CERT_FILE: env.OPSSC_IDENTITY_CERT_FILE };
    expect(() => loadConfig({ ...env, ...admin })).toThrow(/OPSSC_ORDERER_ADMIN_TLS_CERT_FILE and OPSSC_ORDERER_ADMIN_TLS_KEY_FILE go together/);
    expect(loadConfig({ ...env, ...admin, OPSSC_ORDERER_ADMIN_TLS_KEY_FILE: env.OPSSC_IDENTITY_KEY_FILE }).ordererAdmin).toEqual({
      url: 'https://127.0.0.1:7053', tlsCaFile: env.OPSSC_PEER_TLS_CA_FILE, tlsCertFile: env.OPSSC_IDENTITY_CERT_FILE, tlsKeyFile: env.OPSSC_IDENTITY_KEY_FILE,
    });
  });
});
