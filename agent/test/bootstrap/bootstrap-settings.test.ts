import { bootstrapIfConfigured, readBootstrapSettings } from '../../src/bootstrap';
import { memoryLogger } from '../support/memory-logger';

const TOKEN = 'inv_0123456789abcdef.abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const env = { OPSSC_BOOTSTRAP_API_URL: 'http://127.0.0.1:17058/', OPSSC_BOOTSTRAP_TOKEN: TOKEN, OPSSC_BOOTSTRAP_STATE_FILE: '/var/lib/opssc/bootstrap.json' };

describe('bootstrap settings', () => {
  test('when no token is given, the agent does not bootstrap', () => {
    expect(readBootstrapSettings({ OPSSC_BOOTSTRAP_API_URL: 'http://x' })).toBeUndefined();
  });

  test('when the variables are set, they are read with the documented defaults and a URL without trailing slash', () => {
    expect(readBootstrapSettings(env)).toEqual({ apiUrl: 'http://127.0.0.1:17058', token: TOKEN, stateFile: '/var/lib/opssc/bootstrap.json', pollInitialMs: 1000, pollMaxMs: 15000 });
  });

  test('when the token comes from a file, it is read from there', () => {
    const settings = readBootstrapSettings({ ...env, OPSSC_BOOTSTRAP_TOKEN: '', OPSSC_BOOTSTRAP_TOKEN_FILE: '/secrets/token' }, () => `${TOKEN}\n`);
    expect(settings?.token).toBe(TOKEN);
  });

  test('when variables are missing or malformed, every problem is named at once and the token never is', () => {
    const read = () => readBootstrapSettings({ OPSSC_BOOTSTRAP_TOKEN: 'not-a-token-secret', OPSSC_BOOTSTRAP_STATE_FILE: 'relative.json', OPSSC_BOOTSTRAP_PROPOSAL_ID: 'p-1' });
    expect(read).toThrow(/inv_<id>\.<secret>[\s\S]*OPSSC_BOOTSTRAP_API_URL is required[\s\S]*must be an absolute path[\s\S]*OPSSC_BOOTSTRAP_PROPOSAL_ID/);
    expect(read).not.toThrow(/not-a-token-secret/);
  });
});

describe('bootstrapping only when configured', () => {
  test('when no bootstrap token is configured, bootstrapIfConfigured does nothing', async () => {
    const config = { mspId: 'Org1MSP', peer: { address: 'x:1', tlsCaFile: '/nope' }, identity: { certFile: '/nope', keyFile: '/nope' }, channel: 'ops-channel', chaincode: 'consortium_ops' };
    await expect(bootstrapIfConfigured(config, {}, memoryLogger('Org1MSP').logger)).resolves.toBeUndefined();
  });
});
