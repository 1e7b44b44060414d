import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dockerfileOf, loadCompose, repoRoot } from './support/compose-document';
import { copyParts, finalStage, ignoredByDockerignore, readDockerfile } from './support/dockerfile';

const DOCKERFILES = ['docker/api-server.Dockerfile', 'docker/agent.Dockerfile'];
const workspaces = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { workspaces: string[] }).workspaces;

describe.each(DOCKERFILES)('%s', (dockerfile) => {
  const instructions = readDockerfile(dockerfile);
  const runtime = finalStage(instructions);
  const last = (keyword: string) => runtime.filter((i) => i.keyword === keyword).pop()?.args;

  it('builds in other stages than the slim Node image it runs in', () => {
    const stages = instructions.filter((i) => i.keyword === 'FROM').map((i) => i.args);

    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(stages[stages.length - 1]).toMatch(/^node:20(\.\d+)*-(slim|alpine)/);
  });

  it('runs as a non-root user', () => {
    expect(last('USER')).toBeDefined();
    expect(last('USER')).not.toMatch(/^(root|0)(:|$)/);
  });

  it('declares a health check, the port it serves and an exec-form command', () => {
    expect(last('HEALTHCHECK')).toMatch(/CMD \[/);
    expect(last('EXPOSE')).toMatch(/^\d+$/);
    expect(JSON.parse(last('CMD') ?? 'null')).toEqual(['node', expect.stringMatching(/\/dist\/main\.js$/)]);
  });

  it('puts into the running image only compiled output, manifests, production dependencies and the health check', () => {
    const copied = runtime.filter((i) => i.keyword === 'COPY').flatMap((i) => copyParts(i.args).sources.map((s) => `${copyParts(i.args).from ?? 'context'} ${s}`));
    const allowed = /^(build \/src\/[\w-]+\/(dist|package\.json)|production-deps \/app\/(node_modules|package\.json)|context docker\/healthcheck\.cjs)$/;

    expect(copied.filter((c) => !allowed.test(c))).toEqual([]);
  });

  it('copies every workspace manifest that npm ci needs for the shared lock file', () => {
    // the build stage and the production-dependencies stage each run npm ci
    const installing = [...new Set(instructions.filter((i) => i.keyword === 'RUN' && /\bnpm ci\b/.test(i.args)).map((i) => i.stage))];
    const missing = installing.map((stage) => {
      const sources = instructions.filter((i) => i.stage === stage && i.keyword === 'COPY').flatMap((i) => copyParts(i.args).sources);
      return workspaces.filter((w) => !sources.includes(`${w}/package.json`));
    });

    expect(installing).toHaveLength(2);
    expect(missing).toEqual([[], []]);
  });

  it('copies from the build context only files that exist and that .dockerignore lets in', () => {
    const sources = instructions.filter((i) => i.keyword === 'COPY' && !copyParts(i.args).from).flatMap((i) => copyParts(i.args).sources);

    expect(sources.filter((s) => !existsSync(join(repoRoot, s)) || ignoredByDockerignore(s))).toEqual([]);
  });

  it('installs the health check script where its HEALTHCHECK and the compose services probe it', () => {
    const copy = runtime.map((i) => copyParts(i.args)).find((c) => c.sources.includes('docker/healthcheck.cjs'));
    const compose = loadCompose();
    const probes = Object.values(compose.services).filter((s) => dockerfileOf(s) === dockerfile).map((s) => (s.healthcheck?.test as string[])[2]);

    expect(copy?.destination).toBeDefined();
    expect(last('HEALTHCHECK')).toContain(`"${copy?.destination}"`);
    expect(new Set(probes)).toEqual(new Set([copy?.destination]));
  });
});

describe('.dockerignore', () => {
  it.each(['.run/compose/orgs/org1/users/admin/identity/key.pem', '.opssc/consortium.json', 'node_modules/express/index.js', 'api-server/dist/main.js', 'agent/test/agent.test.ts'])(
    'keeps %s out of the build context',
    (path) => {
      expect(ignoredByDockerignore(path)).toBe(true);
    },
  );

  it.each(['api-server/src/main.ts', 'package-lock.json', 'core/package.json', 'docker/healthcheck.cjs'])('lets %s into the build context', (path) => {
    expect(ignoredByDockerignore(path)).toBe(false);
  });

  it('takes a path back in with a later !pattern, as Docker does', () => {
    expect(ignoredByDockerignore('docs/operations.md', 'docs\n!docs/operations.md')).toBe(false);
  });
});
