import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BootstrapNetwork, bootstrap } from '../src/compose-bootstrap-consortium';
import { NetworkState, writeState } from '../src/network-state';
import { orgPorts } from '../src/ports';

// The api-server's key generator from source, so that this suite needs no build of the api-server.
jest.mock('@opssc/api-server', () => jest.requireActual('../../api-server/src/index'), { virtual: true });

/** Records what bootstrap asks of the containers, in order; the package is a real file with arbitrary bytes. */
function fakeContainers(calls: string[], packageFile: string): BootstrapNetwork & { apiUrls?: Record<string, string> } {
  const fake: BootstrapNetwork & { apiUrls?: Record<string, string> } = {
    async createChannel(_state, channelId) {
      calls.push(`createChannel ${channelId}`);
    },
    async deployConsortiumOps() {
      calls.push('deployConsortiumOps');
      return { label: 'consortium_ops_1.0', file: packageFile, packageId: 'consortium_ops_1.0:ab12', sha256: 'ab12' };
    },
    async initConsortium(_state, apiUrls) {
      calls.push('initConsortium');
      fake.apiUrls = apiUrls;
    },
    async recordPackage(_state, pkg) {
      calls.push(`recordPackage ${pkg.packageId}`);
    },
  };
  return fake;
}

describe('compose bootstrap: bootstrap', () => {
  let dir: string;
  let runDir: string;
  let packageFile: string;
  let calls: string[];
  let lines: string[];
  let containers: ReturnType<typeof fakeContainers>;
  const run = () => bootstrap({ runDir, network: containers, log: (line) => lines.push(line) });

  /** What prepare leaves: the state file of the 2-org network and each api-server's packages folder. */
  function prepared(): void {
    const orgs = [1, 2].map((i) => ({ name: `Org${i}`, mspId: `Org${i}MSP`, index: i, ports: orgPorts(17050, i) }));
    mkdirSync(runDir, { recursive: true });
    writeState({ runDir, basePort: 17050, fabric: { version: '2.5.0', binDir: '/bin', caBinDir: '/bin', configDir: '/etc' }, orgs, channels: [], startedAt: '2025-01-01T00:00:00.000Z' } satisfies NetworkState);
    for (const o of orgs) mkdirSync(join(runDir, 'orgs', o.name.toLowerCase(), 'api-server', 'packages'), { recursive: true });
  }

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'opssc-compose-bootstrap-'));
    runDir = join(dir, 'compose');
    packageFile = join(dir, 'consortium_ops.tar.gz');
    writeFileSync(packageFile, Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x42]));
    calls = [];
    lines = [];
    containers = fakeContainers(calls, packageFile);
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('when nothing is prepared, it refuses and names the prepare step', async () => {
    await expect(run()).rejects.toThrow(`nothing prepared in ${runDir}; run \`npm run compose:bootstrap -- prepare\` first`);
    expect(calls).toEqual([]);
  });

  it('creates ops-channel, deploys consortium_ops, initialises the consortium, then records the package (which needs an ACTIVE admin)', async () => {
    prepared();

    await run();

    expect(calls).toEqual(['createChannel ops-channel', 'deployConsortiumOps', 'initConsortium', 'recordPackage consortium_ops_1.0:ab12']);
  });

  it('puts the consortium_ops package into every api-server\'s packages folder as <label>.tar.gz', async () => {
    prepared();

    await run();

    const copies = ['org1', 'org2'].map((org) => readFileSync(join(runDir, 'orgs', org, 'api-server', 'packages', 'consortium_ops_1.0.tar.gz')));
    expect(copies.map((c) => c.equals(readFileSync(packageFile)))).toEqual([true, true]);
  });

  it('initialises the consortium with each org\'s api-server at the port the compose file publishes', async () => {
    prepared();

    await run();

    expect(containers.apiUrls).toEqual({ Org1MSP: 'http://127.0.0.1:17058', Org2MSP: 'http://127.0.0.1:17068' });
  });

  it('reports each step, then each org\'s API and the file of its admin key', async () => {
    prepared();

    await run();

    expect(lines).toEqual([
      'ops-channel created; every orderer and peer joined',
      'consortium_ops installed, approved by every org and committed (package consortium_ops_1.0:ab12)',
      'consortium initialised: Org1MSP, Org2MSP ACTIVE',
      'consortium_ops package consortium_ops_1.0:ab12 recorded on-chain',
      `Org1MSP: API http://127.0.0.1:17058, admin key in ${join(runDir, 'orgs', 'org1', 'api-server', 'admin.key')}`,
      `Org2MSP: API http://127.0.0.1:17068, admin key in ${join(runDir, 'orgs', 'org2', 'api-server', 'admin.key')}`,
    ]);
  });
});
