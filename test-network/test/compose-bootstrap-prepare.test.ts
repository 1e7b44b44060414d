import { createPublicKey, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findApiKey, parseApiKeysFile } from '../../api-server/src/auth/api-keys';
import { makeTestOrg, TestOrg } from '../../core/test/support/cert-tree';
import { preparedFolders } from '../src/compose-bootstrap-layout';
import { composeApiServerFiles, prepare, PrepareNetwork } from '../src/compose-bootstrap-prepare';
import { CaContext } from '../src/fabric-ca';
import { UpOptions } from '../src/network';
import { NetworkState, stateFile, writeState } from '../src/network-state';
import { orgPorts } from '../src/ports';
import { orgLayout, pidDir } from '../src/run-layout';

// The api-server's key generator from source, so that this suite needs no build of the api-server.
jest.mock('@opssc/api-server', () => jest.requireActual('../../api-server/src/index'), { virtual: true });

interface Recorded {
  up: UpOptions[];
  enrolled: { ctx: CaContext; tlsDir: string; caRunning: boolean }[];
  stopped: string[];
}

/**
 * The local network as `up` leaves it, without Fabric: each org's admin enrolled with a real certificate and key
 * under a key file name Fabric CA would choose, node ledgers with data, and the state file. Enrolling the admin's
 * TLS pair writes the flattened files a real enrollment ends with.
 */
function fakeNetwork(trees: Map<string, TestOrg>, recorded: Recorded, failEnrollment?: Error): PrepareNetwork {
  let running = false;
  return {
    async up(options) {
      recorded.up.push(options);
      const orgs = Array.from({ length: options.orgs }, (_, i) => ({ name: `Org${i + 1}`, mspId: `Org${i + 1}MSP`, index: i + 1, ports: orgPorts(options.basePort, i + 1) }));
      for (const o of orgs) {
        const org = orgLayout(options.runDir, o.name);
        const tree = trees.get(o.mspId) ?? (await makeTestOrg(o.mspId));
        mkdirSync(join(org.adminMsp, 'signcerts'), { recursive: true });
        mkdirSync(join(org.adminMsp, 'keystore'), { recursive: true });
        writeFileSync(join(org.adminMsp, 'signcerts', 'cert.pem'), tree.adminCertPem);
        writeFileSync(join(org.adminMsp, 'keystore', '3f1a9c_sk'), tree.adminKey.export({ type: 'pkcs8', format: 'pem' }));
        for (const dir of [org.peerData, org.ordererData, org.peerMsp]) {
          mkdirSync(dir, { recursive: true });
          writeFileSync(join(dir, 'kept-or-not'), 'x');
        }
      }
      const state: NetworkState = { runDir: options.runDir, basePort: options.basePort, fabric: { version: '2.5.0', binDir: '/bin', caBinDir: '/bin', configDir: '/etc' }, orgs, channels: options.channels ?? [], startedAt: new Date().toISOString() };
      writeState(state);
      running = true;
      return state;
    },
    async enrollAdminTlsClient(ctx, tlsDir) {
      recorded.enrolled.push({ ctx, tlsDir, caRunning: running });
      if (failEnrollment) throw failEnrollment;
      mkdirSync(tlsDir, { recursive: true });
      for (const file of ['ca.crt', 'client.crt', 'client.key']) writeFileSync(join(tlsDir, file), file);
    },
    async stopDaemons(dir) {
      recorded.stopped.push(dir);
      running = false;
      return [];
    },
  };
}

describe('compose bootstrap: prepare', () => {
  let runDir: string;
  let recorded: Recorded;
  let lines: string[];
  const trees = new Map<string, TestOrg>();
  const run = (failEnrollment?: Error) => prepare({ runDir, network: fakeNetwork(trees, recorded, failEnrollment), log: (line) => lines.push(line) });

  beforeAll(async () => {
    for (const mspId of ['Org1MSP', 'Org2MSP']) trees.set(mspId, await makeTestOrg(mspId));
  });

  beforeEach(() => {
    runDir = join(mkdtempSync(join(tmpdir(), 'opssc-compose-prepare-')), 'compose');
    recorded = { up: [], enrolled: [], stopped: [] };
    lines = [];
  });

  afterEach(() => rmSync(join(runDir, '..'), { recursive: true, force: true }));

  it('when the run directory is already prepared, it refuses before starting anything', async () => {
    mkdirSync(runDir, { recursive: true });
    writeFileSync(stateFile(runDir), '{}');

    await expect(run()).rejects.toThrow(`${runDir} is already prepared; to start over run \`docker compose down -v\` and remove it`);
    expect(recorded.up).toEqual([]);
  });

  it('runs the local network\'s up with the compose file\'s 2 orgs on base port 17050, in the run directory, with no channel', async () => {
    await run();

    expect(recorded.up).toEqual([expect.objectContaining({ orgs: 2, basePort: 17050, runDir, channels: [] })]);
  });

  it('enrolls each org admin\'s TLS client pair into users/admin/tls through its own CA, while the CA still runs', async () => {
    await run();

    expect(recorded.enrolled.map((e) => ({ org: e.ctx.org.name, caPort: e.ctx.ports.ca, tlsDir: e.tlsDir, caRunning: e.caRunning }))).toEqual([
      { org: 'Org1', caPort: 17050, tlsDir: join(runDir, 'orgs', 'org1', 'users', 'admin', 'tls'), caRunning: true },
      { org: 'Org2', caPort: 17060, tlsDir: join(runDir, 'orgs', 'org2', 'users', 'admin', 'tls'), caRunning: true },
    ]);
  });

  it('copies each admin\'s certificate and matching private key to users/admin/identity/cert.pem and key.pem', async () => {
    await run();

    for (const name of ['Org1', 'Org2']) {
      const dir = preparedFolders(orgLayout(runDir, name)).adminIdentity;
      const cert = new X509Certificate(readFileSync(join(dir, 'cert.pem')));
      const publicKey = createPublicKey(readFileSync(join(dir, 'key.pem'))).export({ type: 'spki', format: 'der' });
      expect(readdirSync(dir).sort()).toEqual(['cert.pem', 'key.pem']);
      expect(cert.subject).toContain(`CN=${name.toLowerCase()}mspadmin`);
      expect(publicKey.equals(cert.publicKey.export({ type: 'spki', format: 'der' }))).toBe(true);
    }
  });

  it('writes API keys the api-server accepts: hashes in the mounted secrets folder, plain keys beside it for the admins', async () => {
    await run();

    const files = composeApiServerFiles(orgLayout(runDir, 'Org2'));
    const records = parseApiKeysFile(readFileSync(files.apiKeysFile, 'utf8'));
    const role = (file: string) => findApiKey(records, readFileSync(file, 'utf8').trim())?.role;
    expect(files.apiKeysFile).toBe(join(runDir, 'orgs', 'org2', 'api-server', 'secrets', 'api-keys.json'));
    expect(records.map((r) => r.id)).toEqual(['org2-admin', 'org2-viewer']);
    expect({ admin: role(files.adminKeyFile), viewer: role(files.viewerKeyFile) }).toEqual({ admin: 'admin', viewer: 'viewer' });
    expect(readFileSync(files.apiKeysFile, 'utf8')).not.toContain(readFileSync(files.adminKeyFile, 'utf8').trim());
  });

  it('writes a 32-byte invitation HMAC secret in the mounted secrets folder', async () => {
    await run();

    const { hmacKeyFile } = composeApiServerFiles(orgLayout(runDir, 'Org1'));
    expect(hmacKeyFile).toBe(join(runDir, 'orgs', 'org1', 'api-server', 'secrets', 'invitation-hmac.key'));
    expect(readFileSync(hmacKeyFile, 'utf8')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('makes the plain keys and the HMAC secret readable by their owner only', async () => {
    await run();

    const files = composeApiServerFiles(orgLayout(runDir, 'Org1'));
    expect([files.adminKeyFile, files.viewerKeyFile, files.hmacKeyFile].map((f) => statSync(f).mode & 0o777)).toEqual([0o600, 0o600, 0o600]);
  });

  it('creates each api-server\'s empty packages folder, which bootstrap fills', async () => {
    await run();

    expect(['Org1', 'Org2'].map((name) => readdirSync(join(runDir, 'orgs', name.toLowerCase(), 'api-server', 'packages')))).toEqual([[], []]);
  });

  it('stops the native processes and removes their ledgers, keeping every other file', async () => {
    await run();

    const org = orgLayout(runDir, 'Org1');
    expect(recorded.stopped).toEqual([pidDir(runDir)]);
    expect({ peerData: existsSync(org.peerData), ordererData: existsSync(org.ordererData) }).toEqual({ peerData: false, ordererData: false });
    expect({ peerMsp: existsSync(join(org.peerMsp, 'kept-or-not')), state: existsSync(stateFile(runDir)) }).toEqual({ peerMsp: true, state: true });
  });

  it('when enrolling fails, it still stops the native processes and reports the failure', async () => {
    await expect(run(new Error('enroll refused'))).rejects.toThrow('enroll refused');

    expect(recorded.stopped).toEqual([pidDir(runDir)]);
  });

  it('ends by telling the user to start the containers, then run the bootstrap step', async () => {
    await run();

    expect(lines.at(-1)).toBe(`\nidentities ready in ${runDir}/orgs; next:\n  OPSSC_UID=$(id -u) docker compose up -d --build\n  npm run compose:bootstrap -- bootstrap`);
  });
});
