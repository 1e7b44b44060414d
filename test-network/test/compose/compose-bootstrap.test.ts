import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DEFAULT_BASE_PORT } from '../../src/cli';
import { orgLayout } from '../../src/run-layout';
import { loadCompose, mountsOf, repoRoot } from './support/compose-document';

// docker/compose-bootstrap.cjs is plain JavaScript on top of test-network/dist, so neither tsc nor eslint sees
// what it calls; these tests fail when the local network's code stops exporting it or the compose file drifts.
const HELPER = join(repoRoot, 'docker', 'compose-bootstrap.cjs');
const source = readFileSync(HELPER, 'utf8');
const modules = [...source.matchAll(/require\(dist\('([\w-]+)'\)\)/g)].map(([, name]) => name);

interface Helper {
  RUN_DIR: string;
  BASE_PORT: number;
  ORGS: number;
  PREPARED_FOLDERS: Record<string, string>;
}

describe('docker/compose-bootstrap.cjs', () => {
  const compose = loadCompose();
  const load = () => import(HELPER) as Promise<Helper>;

  it('loads only modules the local network has', () => {
    expect(modules.length).toBeGreaterThan(0);
    expect(modules.filter((name) => !existsSync(join(repoRoot, 'test-network', 'src', `${name}.ts`)))).toEqual([]);
  });

  it('calls only what those modules and the api-server export', async () => {
    const sources = [...modules.map((name) => join(repoRoot, 'test-network', 'src', name)), join(repoRoot, 'api-server', 'src', 'index')];
    const exported = new Set((await Promise.all(sources.map((s) => import(s) as Promise<Record<string, unknown>>))).flatMap((m) => Object.keys(m)));
    const used = [...new Set([...source.matchAll(/\bt\.(\w+)/g)].map(([, name]) => name))];

    expect(used.filter((name) => !exported.has(name))).toEqual([]);
  });

  it('prepares the orgs and ports the compose file runs, in the folder it mounts', async () => {
    const helper = await load();
    const orgDirs = new Set(Object.values(compose.services).flatMap(mountsOf).map((m) => /^\.\/(.+\/orgs)\/org\d+\//.exec(m.source)?.[1]).filter(Boolean));

    expect({ runDir: relative(repoRoot, helper.RUN_DIR), orgs: helper.ORGS, basePort: helper.BASE_PORT }).toEqual({ runDir: '.run/compose', orgs: 2, basePort: DEFAULT_BASE_PORT });
    expect(orgDirs).toEqual(new Set(['.run/compose/orgs']));
  });

  it('writes every org folder the compose file mounts that the local network does not', async () => {
    const { PREPARED_FOLDERS } = await load();
    const org = orgLayout('/run', 'Org1');
    const layout = [org.caHome, org.orgMsp, org.peerMsp, org.peerTls, org.ordererMsp, org.ordererTls].map((dir) => relative(org.root, dir));
    const mounted = new Set(Object.values(compose.services).flatMap(mountsOf).map((m) => /^\.\/\.run\/compose\/orgs\/org\d+\/(.+)$/.exec(m.source)?.[1]).filter((p): p is string => p !== undefined));

    expect([...mounted].filter((p) => !layout.includes(p) && !Object.values(PREPARED_FOLDERS).includes(p))).toEqual([]);
  });
});
