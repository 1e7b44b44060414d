import { StatusBoard } from '../../src/status/status-board';
import { startStatusServer, type StatusServer } from '../../src/status/status-server';
import { systemClock } from '../../src/ports';

describe('the status endpoint', () => {
  let server: StatusServer;
  const board = new StatusBoard('Org1MSP', systemClock);
  beforeAll(async () => {
    board.report({ proposalId: 'p-1', channel: 'ops-channel', attempt: 1, step: 'WAIT', state: 'waiting', waitingFor: 'signatures from Org2MSP' });
    server = await startStatusServer(0, () => board.snapshot());
  });
  afterAll(() => server.close());

  it('GET /status on 127.0.0.1 shows what the agent is waiting for', async () => {
    const response = await fetch(`http://127.0.0.1:${server.port}/status`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ mspId: 'Org1MSP', proposals: [{ proposalId: 'p-1', state: 'waiting', waitingFor: 'signatures from Org2MSP' }] });
  });

  it('anything else is 404, and only GET is allowed', async () => {
    expect((await fetch(`http://127.0.0.1:${server.port}/`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${server.port}/status`, { method: 'POST' })).status).toBe(405);
  });

  it('reports a change only once, so that waiting is logged once and not at every reconcile', () => {
    const again = { proposalId: 'p-1', channel: 'ops-channel', attempt: 1, step: 'WAIT', state: 'waiting' as const, waitingFor: 'signatures from Org2MSP' };
    expect(board.report(again)).toBe(false);
    expect(board.report({ ...again, waitingFor: 'Org1MSP to submit attempt 1 to the orderer' })).toBe(true);
  });
});
