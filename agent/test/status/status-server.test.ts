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

  it('GET /metrics exports the same status in Prometheus text format, with step and event counters', async () => {
    board.setState('running');
    board.stepLogged('SIGN', 'done');
    board.stepLogged('SIGN', 'done');
    board.stepLogged('SUBMIT', 'retry-later');
    board.eventSeen('VoteCast', 42n, 'p-1');
    board.report({ proposalId: 'p-2', step: 'WAIT', state: 'waiting', waitingFor: 'the operator', problem: 'install "basic" by hand' });

    const response = await fetch(`http://127.0.0.1:${server.port}/metrics`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const lines = (await response.text()).split('\n');
    expect(lines).toEqual(expect.arrayContaining([
      '# TYPE opssc_agent_steps_total counter',
      'opssc_agent_up{msp_id="Org1MSP",state="running"} 1',
      'opssc_agent_steps_total{step="SIGN",outcome="done"} 2',
      'opssc_agent_steps_total{step="SUBMIT",outcome="retry-later"} 1',
      'opssc_agent_events_total{event="VoteCast"} 1',
      'opssc_agent_proposals{state="waiting"} 2',
      'opssc_agent_proposals_with_problem 1',
      'opssc_agent_last_event_block 42',
    ]));
    // every sample line is `name{labels} number` or `name number`
    for (const line of lines.filter((l) => l && !l.startsWith('#'))) expect(line).toMatch(/^[a-z_]+(\{[^}]*\})? \d+$/);
  });
});
