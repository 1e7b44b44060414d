import { type ComposeDocument, dockerfileOf, loadCompose } from './support/compose-document';
import { documentedVariables, environmentProblems, SERVICE_CONFIGS } from './support/service-environment';

/** Variables each loader refuses to start without (api-server/README.md, agent/src/config.ts). */
const API_SERVER_REQUIRED = [
  'OPSSC_ORG_MSP_ID', 'OPSSC_PUBLIC_URL', 'OPSSC_API_KEYS_FILE', 'OPSSC_INVITATION_HMAC_KEY_FILE',
  'OPSSC_PEER_ENDPOINT', 'OPSSC_PEER_TLS_CA_FILE', 'OPSSC_IDENTITY_CERT_FILE', 'OPSSC_IDENTITY_KEY_FILE',
];
const AGENT_REQUIRED = [
  'OPSSC_ORG_MSP_ID', 'OPSSC_PEER_ENDPOINT', 'OPSSC_PEER_TLS_CA_FILE', 'OPSSC_ORDERER_ENDPOINT', 'OPSSC_ORDERER_TLS_CA_FILE',
  'OPSSC_IDENTITY_CERT_FILE', 'OPSSC_IDENTITY_KEY_FILE', 'OPSSC_CHECKPOINT_FILE', 'OPSSC_STATUS_PORT',
];

describe('the environment of the api-server and agent services in docker-compose.yaml', () => {
  const compose = loadCompose();
  const environment = (doc: ComposeDocument, service: string) => doc.services[service].environment as Record<string, string>;

  it('is set only with variables their config documents, and every required one is set and well formed', () => {
    expect(environmentProblems(compose)).toEqual([]);
  });

  it('is checked for every org: both api-servers and both agents are built from the project Dockerfiles', () => {
    const checked = Object.keys(compose.services).filter((name) => SERVICE_CONFIGS.some((c) => c.dockerfile === dockerfileOf(compose.services[name])));

    expect(checked.sort()).toEqual(['agent.org1', 'agent.org2', 'api-server.org1', 'api-server.org2']);
  });

  it.each(API_SERVER_REQUIRED)('when %s is removed from an api-server service, the check reports it', (variable) => {
    const doc = structuredClone(compose);
    delete environment(doc, 'api-server.org2')[variable];

    expect(environmentProblems(doc)).toEqual([expect.stringMatching(new RegExp(`^api-server\\.org2: its config refuses the environment: .*${variable}`))]);
  });

  it.each(AGENT_REQUIRED)('when %s is removed from an agent service, the check reports it', (variable) => {
    const doc = structuredClone(compose);
    delete environment(doc, 'agent.org1')[variable];

    expect(environmentProblems(doc)).toEqual([expect.stringMatching(new RegExp(`^agent\\.org1: its config refuses the environment: [\\s\\S]*${variable}`))]);
  });

  it('when a variable its config does not document is set, the check reports it', () => {
    const doc = structuredClone(compose);
    environment(doc, 'agent.org2').OPSSC_PEER_ENDPIONT = '127.0.0.1:17065';

    expect(environmentProblems(doc)).toEqual(['agent.org2: OPSSC_PEER_ENDPIONT is not a variable of agent/src/config.ts']);
  });

  it('when a value is malformed, the check reports it', () => {
    const doc = structuredClone(compose);
    environment(doc, 'api-server.org1').OPSSC_PORT = 'api';

    expect(environmentProblems(doc)).toEqual([expect.stringMatching(/^api-server\.org1: its config refuses the environment: .*OPSSC_PORT/)]);
  });
});

describe('documented config variables', () => {
  it('are the back-quoted upper-case names in TSDoc comments, not those in code or plain comments', () => {
    const source = [
      '/** `OPSSC_PORT` (default `8080`): the port; see `GET /status` and `Org1MSP`. */',
      '/** `CHANNEL`: the channel. */',
      "// `OPSSC_NOT_TSDOC` is a plain comment",
      "const name = 'OPSSC_IN_CODE';",
    ].join('\n');

    expect([...documentedVariables(source)].sort()).toEqual(['CHANNEL', 'OPSSC_PORT']);
  });
});
