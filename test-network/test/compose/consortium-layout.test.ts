import { DEFAULT_BASE_PORT } from '../../src/cli';
import { ordererName, peerName } from '../../src/fabric-nodes';
import { orgPorts } from '../../src/ports';
import { orgLayout } from '../../src/run-layout';
import { type ComposeService, environmentOf, loadCompose, mountsOf } from './support/compose-document';

const ORGS = [1, 2];
const port = (address: string) => Number(address.split(':').pop());

/** Every host port a `ports` entry publishes, with the address it binds. */
function published(entry: string): { ip: string; port: number }[] {
  const [ip, range] = entry.split(':');
  const [from, to = from] = range.split('-').map(Number);
  return Array.from({ length: to - from + 1 }, (_, i) => ({ ip, port: from + i }));
}

describe('docker-compose.yaml lays the consortium out like the local network', () => {
  const compose = loadCompose();
  const service = (name: string): ComposeService => compose.services[name];
  const env = (name: string) => environmentOf(service(name));

  it('has the local network\'s nodes for Org1 and Org2, and each org\'s api-server and agent', () => {
    const expected = ORGS.flatMap((n) => {
      const org = orgLayout('/run', `Org${n}`);
      return [`ca.org${n}`, ordererName(org), peerName(org), `api-server.org${n}`, `agent.org${n}`];
    });

    expect(Object.keys(compose.services).sort()).toEqual(['net', ...expected].sort());
  });

  it.each(ORGS)('acts for Org%iMSP in every one of that org\'s services', (n) => {
    const mspId = orgLayout('/run', `Org${n}`).mspId;

    expect([env(`orderer0.org${n}`).ORDERER_GENERAL_LOCALMSPID, env(`peer0.org${n}`).CORE_PEER_LOCALMSPID, env(`api-server.org${n}`).OPSSC_ORG_MSP_ID, env(`agent.org${n}`).OPSSC_ORG_MSP_ID]).toEqual([mspId, mspId, mspId, mspId]);
  });

  it.each(ORGS)('puts org %i on the ports of the local network\'s port table', (n) => {
    const expected = orgPorts(DEFAULT_BASE_PORT, n);
    const command = service(`ca.org${n}`).command as string[];

    expect({
      ca: Number(command[command.indexOf('--port') + 1]),
      caOperations: port(env(`ca.org${n}`).FABRIC_CA_SERVER_OPERATIONS_LISTENADDRESS),
      orderer: Number(env(`orderer0.org${n}`).ORDERER_GENERAL_LISTENPORT),
      ordererAdmin: port(env(`orderer0.org${n}`).ORDERER_ADMIN_LISTENADDRESS),
      ordererOperations: port(env(`orderer0.org${n}`).ORDERER_OPERATIONS_LISTENADDRESS),
      peer: port(env(`peer0.org${n}`).CORE_PEER_LISTENADDRESS),
      peerChaincode: port(env(`peer0.org${n}`).CORE_PEER_CHAINCODELISTENADDRESS),
      peerOperations: port(env(`peer0.org${n}`).CORE_OPERATIONS_LISTENADDRESS),
      apiServer: Number(env(`api-server.org${n}`).OPSSC_PORT),
      agentStatus: Number(env(`agent.org${n}`).OPSSC_STATUS_PORT),
    }).toEqual(expected);
  });

  it.each(ORGS)('points org %i\'s api-server and agent at that org\'s own peer and orderer, as 127.0.0.1 like the certificates', (n) => {
    const ports = orgPorts(DEFAULT_BASE_PORT, n);

    expect([env(`peer0.org${n}`).CORE_PEER_ADDRESS, env(`api-server.org${n}`).OPSSC_PEER_ENDPOINT, env(`agent.org${n}`).OPSSC_PEER_ENDPOINT]).toEqual(Array(3).fill(`127.0.0.1:${ports.peer}`));
    expect(env(`agent.org${n}`).OPSSC_ORDERER_ENDPOINT).toBe(`127.0.0.1:${ports.orderer}`);
    expect(env(`agent.org${n}`).OPSSC_ORDERER_ADMIN_URL).toBe(`https://127.0.0.1:${ports.ordererAdmin}`);
    expect(env(`api-server.org${n}`).OPSSC_PUBLIC_URL).toBe(`http://127.0.0.1:${ports.apiServer}`);
  });

  it('publishes, on 127.0.0.1 only, every port of the table except the chaincode and agent status ports', () => {
    const ports = ((service('net').ports ?? []) as string[]).flatMap(published);
    const internal = new Set(['peerChaincode', 'agentStatus']);
    const expected = ORGS.flatMap((n) => Object.entries(orgPorts(DEFAULT_BASE_PORT, n)).filter(([role]) => !internal.has(role)).map(([, p]) => p));

    expect(ports.map((p) => p.port).sort()).toEqual(expected.sort());
    expect(new Set(ports.map((p) => p.ip))).toEqual(new Set(['127.0.0.1']));
  });

  it('runs every Fabric node from the official images', () => {
    const images = Object.fromEntries(ORGS.flatMap((n) => [`ca.org${n}`, `orderer0.org${n}`, `peer0.org${n}`].map((name) => [name, service(name).image])));

    expect(images).toEqual({
      'ca.org1': 'hyperledger/fabric-ca:1.5', 'orderer0.org1': 'hyperledger/fabric-orderer:2.5', 'peer0.org1': 'hyperledger/fabric-peer:2.5',
      'ca.org2': 'hyperledger/fabric-ca:1.5', 'orderer0.org2': 'hyperledger/fabric-orderer:2.5', 'peer0.org2': 'hyperledger/fabric-peer:2.5',
    });
  });

  it.each(ORGS)('turns TLS on at every Fabric endpoint of org %i and requires client certificates at the orderer admin API', (n) => {
    const orderer = env(`orderer0.org${n}`);

    expect(service(`ca.org${n}`).command).toContain('--tls.enabled');
    expect(env(`peer0.org${n}`).CORE_PEER_TLS_ENABLED).toBe('true');
    expect({
      tls: orderer.ORDERER_GENERAL_TLS_ENABLED,
      adminTls: orderer.ORDERER_ADMIN_TLS_ENABLED,
      adminClientAuth: orderer.ORDERER_ADMIN_TLS_CLIENTAUTHREQUIRED,
      channelParticipation: orderer.ORDERER_CHANNELPARTICIPATION_ENABLED,
      systemChannel: orderer.ORDERER_GENERAL_BOOTSTRAPMETHOD,
    }).toEqual({ tls: 'true', adminTls: 'true', adminClientAuth: 'true', channelParticipation: 'true', systemChannel: 'none' });
  });

  it('mounts keys and certificates read-only; only the CA database and the peers\' Docker socket are writable bind mounts', () => {
    const writable = Object.entries(compose.services).flatMap(([name, s]) => mountsOf(s).filter((m) => m.kind === 'bind' && !m.readOnly).map((m) => `${name} ${m.target}`));

    expect(writable.sort()).toEqual([
      'ca.org1 /etc/hyperledger/fabric-ca-server', 'ca.org2 /etc/hyperledger/fabric-ca-server',
      'peer0.org1 /host/var/run/docker.sock', 'peer0.org2 /host/var/run/docker.sock',
    ]);
  });

  it('mounts into each service only its own org\'s files', () => {
    const foreign = Object.entries(compose.services).flatMap(([name, s]) => {
      const org = /\.(org\d+)$/.exec(name)?.[1];
      return mountsOf(s).filter((m) => m.kind === 'bind' && m.source.startsWith('./') && !m.source.startsWith(`./.run/compose/orgs/${org}/`)).map((m) => `${name} ${m.source}`);
    });

    expect(foreign).toEqual([]);
  });

  it.each(['api-server.org1', 'agent.org1', 'api-server.org2', 'agent.org2'])('gives %s every file it is pointed at through a read-only mount, and the checkpoint through a named volume', (name) => {
    const mounts = mountsOf(service(name));
    const mountOf = (path: string) => mounts.find((m) => path === m.target || path.startsWith(`${m.target}/`));
    const files = Object.entries(env(name)).filter(([, value]) => value.startsWith('/'));

    const placed = Object.fromEntries(files.map(([variable, path]) => {
      const mount = mountOf(path);
      return [variable, mount ? `${mount.kind}${mount.readOnly ? ' ro' : ''}` : 'not mounted'];
    }));

    const expected = Object.fromEntries(files.map(([variable]) => [variable, variable === 'OPSSC_CHECKPOINT_FILE' ? 'volume' : 'bind ro']));
    expect(placed).toEqual(expected);
  });

  it('runs the api-servers and agents as a non-root user with a read-only root file system', () => {
    const nodeServices = Object.entries(compose.services).filter(([name]) => /^(api-server|agent)\./.test(name));

    expect(nodeServices.map(([, s]) => [s.user, s.read_only])).toEqual(Array(4).fill(['1000:0', true]));
  });
});
