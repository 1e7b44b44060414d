import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DEFAULT_BASE_PORT } from '../../src/cli';
import { COMPOSE_BASE_PORT, COMPOSE_BOOTSTRAP_COMMAND, COMPOSE_ORGS, COMPOSE_RUN_DIR, preparedFolders } from '../../src/compose-bootstrap-layout';
import { orgLayout } from '../../src/run-layout';
import { COMPOSE_FILE, loadCompose, mountsOf, repoRoot } from './support/compose-document';

// `npm run compose:bootstrap` prepares the files docker-compose.yaml mounts and reaches the containers through the
// ports it publishes; these tests fail when the command and the compose file drift apart.
describe('npm run compose:bootstrap against docker-compose.yaml', () => {
  const compose = loadCompose();
  const mounts = Object.values(compose.services).flatMap(mountsOf);
  /** What the containers mount from an org's folder, relative to it. */
  const orgMounts = [...new Set(mounts.map((m) => /^\.\/\.run\/compose\/orgs\/org\d+\/(.+)$/.exec(m.source)?.[1]).filter((p): p is string => p !== undefined))];

  it('prepares the folder whose org folders the compose file mounts', () => {
    const orgDirs = new Set(mounts.map((m) => /^\.\/(.+\/orgs)\/org\d+\//.exec(m.source)?.[1]).filter(Boolean));

    expect(orgDirs).toEqual(new Set([join(relative(repoRoot, COMPOSE_RUN_DIR), 'orgs')]));
  });

  it('prepares as many orgs as the compose file runs, on the local network\'s default ports, which it publishes', () => {
    // consortium-layout.test.ts checks that the compose file publishes the default layout's ports
    const caServices = Object.keys(compose.services).filter((name) => /^ca\.org\d+$/.test(name));

    expect({ orgs: COMPOSE_ORGS, basePort: COMPOSE_BASE_PORT }).toEqual({ orgs: caServices.length, basePort: DEFAULT_BASE_PORT });
  });

  it('writes every org folder the compose file mounts that the local network does not', () => {
    const org = orgLayout('/run', 'Org1');
    const layout = [org.caHome, org.orgMsp, org.peerMsp, org.peerTls, org.ordererMsp, org.ordererTls];
    const written = [...layout, ...Object.values(preparedFolders(org))].map((dir) => relative(org.root, dir));

    expect(orgMounts.filter((p) => !written.includes(p))).toEqual([]);
  });

  it('has the api-server mount its secrets folder and never the folder of the plain API keys above it', () => {
    const org = orgLayout('/run', 'Org1');
    const plainKeys = relative(org.root, org.apiServer);

    expect(orgMounts).toContain(relative(org.root, preparedFolders(org).apiServerSecrets));
    expect(orgMounts.filter((p) => p === plainKeys || plainKeys.startsWith(`${p}/`))).toEqual([]);
  });

  it('is the command the compose file tells users to run, with the npm script the repository defines', () => {
    const comments = readFileSync(COMPOSE_FILE, 'utf8').split('\n').filter((line) => line.startsWith('#'));
    const scripts = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    const [, script] = /^npm run (\S+) --$/.exec(COMPOSE_BOOTSTRAP_COMMAND) ?? [];

    expect(['prepare', 'bootstrap'].map((step) => comments.some((line) => line.includes(`${COMPOSE_BOOTSTRAP_COMMAND} ${step}`)))).toEqual([true, true]);
    expect(scripts[script]).toMatch(/node test-network\/dist\/compose-bootstrap\.js$/);
  });
});
