import { startTestServer, type TestServer } from '../support/test-server';

/** Reads an SSE stream until `count` events arrived, then aborts it. */
async function readEvents(server: TestServer, count: number, headers: Record<string, string> = {}, query = ''): Promise<string[]> {
  const controller = new AbortController();
  const response = await fetch(`${server.url}/api/v1/events${query}`, {
    headers: { authorization: `Bearer ${server.keys.viewer}`, ...headers },
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const events: string[] = [];
  while (events.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    const parts = buffer.split('\n\n');
    buffer = parts.pop() ?? '';
    events.push(...parts.filter((part) => part.startsWith('id: ')));
  }
  controller.abort();
  return events;
}

/** Waits until the server has opened its ledger event stream for the client (no fixed sleep: a loaded machine is slow). */
async function streamOpened(server: TestServer): Promise<void> {
  for (let i = 0; i < 500 && server.ledger.openStreams === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(server.ledger.openStreams).toBe(1);
}

describe('event stream (SSE)', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(() => server.close());

  it('streams new chaincode events with id <block>:<txId>, the event name and the JSON payload', async () => {
    const reading = readEvents(server, 1);
    await streamOpened(server);
    const event = server.ledger.emit('VoteCast', { proposalId: 'p-0123456789abcdef', mspId: 'Org2MSP' });
    const [frame] = await reading;
    const lines = frame.split('\n');
    expect(lines[0]).toBe(`id: ${event.blockNumber}:${event.transactionId}`);
    expect(lines[1]).toBe('event: VoteCast');
    expect(JSON.parse(lines[2].slice('data: '.length))).toEqual({
      name: 'VoteCast',
      blockNumber: String(event.blockNumber),
      transactionId: event.transactionId,
      payload: { name: 'VoteCast', proposalId: 'p-0123456789abcdef', mspId: 'Org2MSP', txId: event.transactionId },
    });
  });

  it('when resumed with Last-Event-ID, it replays exactly the events after that one', async () => {
    const first = server.ledger.emit('ProposalCreated', { proposalId: 'p-1' });
    const second = server.ledger.emit('VoteCast', { proposalId: 'p-1' });
    const third = server.ledger.emit('ProposalDecided', { proposalId: 'p-1' });
    const frames = await readEvents(server, 2, { 'last-event-id': `${first.blockNumber}:${first.transactionId}` });
    expect(frames.map((f) => f.split('\n')[0])).toEqual([
      `id: ${second.blockNumber}:${second.transactionId}`,
      `id: ${third.blockNumber}:${third.transactionId}`,
    ]);
  });

  it('replays from a block when asked with fromBlock', async () => {
    server.ledger.emit('ProposalCreated', { proposalId: 'p-1' });
    const second = server.ledger.emit('VoteCast', { proposalId: 'p-1' });
    const [frame] = await readEvents(server, 1, {}, `?fromBlock=${second.blockNumber}`);
    expect(frame).toContain('event: VoteCast');
  });

  it('when the client disconnects, the ledger event stream is closed', async () => {
    const reading = readEvents(server, 1);
    await streamOpened(server);
    server.ledger.emit('VoteCast', { proposalId: 'p-1' });
    await reading;
    for (let i = 0; i < 50 && server.ledger.openStreams > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(server.ledger.openStreams).toBe(0);
  });

  it('when no key is sent, the stream is refused', async () => {
    const response = await server.call('GET', '/api/v1/events');
    expect(response.status).toBe(401);
  });
});
