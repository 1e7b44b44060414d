import { composeProblems } from './support/compose-structure';
import { type ComposeDocument, loadCompose, repoRoot } from './support/compose-document';

describe('docker-compose.yaml against the compose specification', () => {
  const compose = loadCompose();
  const copy = (): ComposeDocument => structuredClone(compose);

  it('meets the specification essentials: known keys, an image or build per service, declared volumes and networks, valid health checks, ports and dependencies', () => {
    expect(composeProblems(compose, repoRoot)).toEqual([]);
  });

  it('gives every service a health check', () => {
    const without = Object.entries(compose.services).filter(([, service]) => !service.healthcheck).map(([name]) => name);

    expect(without).toEqual([]);
  });

  it('when a service mounts a named volume that is not declared, the check reports it', () => {
    const doc = copy();
    delete doc.volumes?.['agent-org1'];

    expect(composeProblems(doc, repoRoot)).toContain('agent.org1: named volume agent-org1 is not declared under volumes');
  });

  it('when a health check interval is not a duration, the check reports it', () => {
    const doc = copy();
    doc.services['peer0.org1'].healthcheck = { ...doc.services['peer0.org1'].healthcheck, interval: 'often' };

    expect(composeProblems(doc, repoRoot)).toContain('peer0.org1: healthcheck interval often is not a duration');
  });

  it('when a service waits for a dependency that has no health check, the check reports it', () => {
    const doc = copy();
    delete doc.services['peer0.org2'].healthcheck;

    expect(composeProblems(doc, repoRoot)).toContain('api-server.org2: waits for peer0.org2 to be healthy, which has no healthcheck');
  });

  it('when a service has neither image nor build, the check reports it', () => {
    const doc = copy();
    delete doc.services['ca.org1'].image;

    expect(composeProblems(doc, repoRoot)).toContain('ca.org1: needs an image or a build');
  });

  it('when a service in the shared namespace publishes ports, the check reports it', () => {
    const doc = copy();
    doc.services['api-server.org1'].ports = ['17058:17058'];

    expect(composeProblems(doc, repoRoot)).toContain("api-server.org1: a service in another service's network namespace cannot declare ports or networks");
  });

  it('when a key is misspelt, the check reports it', () => {
    const doc = copy();
    doc.services['agent.org1'].enviroment = {};

    expect(composeProblems(doc, repoRoot)).toContain('agent.org1: unknown service key enviroment');
  });
});
