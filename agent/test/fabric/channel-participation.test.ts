import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { channelParticipation } from '../../src/fabric';

const genesis = readFileSync(join(__dirname, 'fixtures', 'ops-channel-0.block'));

/**
 * An admin endpoint without TLS that answers like an orderer's channel participation API: a first join is
 * 201, a second 405 "channel already exists", and an unknown channel 404. The real API is exercised in the e2e
 * suite; this one pins the agent's handling of each answer.
 */
async function fakeOrdererApi(answer: (method: string, url: string) => { status: number; body: unknown }): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const { status, body } = answer(req.method ?? '', req.url ?? '');
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, server };
}

describe("the orderer's channel participation API", () => {
  const servers: Server[] = [];
  afterAll(() => servers.forEach((s) => s.close()));

  it('treats a join the orderer refuses with 405 "already exists" as done when the orderer lists the channel', async () => {
    const channel = { name: 'ops-channel', url: '/participation/v1/channels/ops-channel', consensusRelation: 'consenter', status: 'active', height: 3 };
    const api = await fakeOrdererApi((method) =>
      method === 'POST' ? { status: 405, body: { error: 'cannot join: channel already exists' } } : { status: 200, body: channel },
    );
    servers.push(api.server);

    const result = await channelParticipation({ url: api.url }).joinOrderer(genesis);

    expect(result).toEqual({ channel, alreadyJoined: true });
  });

  it("refuses with PARTICIPATION_REFUSED, the HTTP status and the orderer's own words", async () => {
    const api = await fakeOrdererApi(() => ({ status: 400, body: { error: 'invalid join block: block is not a config block' } }));
    servers.push(api.server);

    const failure = channelParticipation({ url: api.url }).joinOrderer(genesis);

    await expect(failure).rejects.toMatchObject({
      code: 'PARTICIPATION_REFUSED',
      status: 400,
      reason: 'invalid join block: block is not a config block',
      retryable: false,
      message: 'PARTICIPATION_REFUSED: POST /participation/v1/channels: HTTP 400: invalid join block: block is not a config block',
    });
  });

  it('reports a channel the orderer has not joined as undefined', async () => {
    const api = await fakeOrdererApi(() => ({ status: 404, body: { error: 'channel not found' } }));
    servers.push(api.server);

    await expect(channelParticipation({ url: api.url }).getChannel('nope')).resolves.toBeUndefined();
  });

  it('removes a channel with DELETE (204), and takes a 404 as already removed', async () => {
    const calls: string[] = [];
    let present = true;
    const api = await fakeOrdererApi((method, url) => {
      calls.push(`${method} ${url}`);
      if (method !== 'DELETE') return { status: 405, body: { error: 'unexpected' } };
      const answer = present ? { status: 204, body: '' } : { status: 404, body: { error: 'channel does not exist' } };
      present = false;
      return answer;
    });
    servers.push(api.server);
    const participation = channelParticipation({ url: api.url });

    expect(await participation.removeChannel('mychannel3')).toEqual({ alreadyRemoved: false });
    expect(await participation.removeChannel('mychannel3')).toEqual({ alreadyRemoved: true });
    expect(calls).toEqual(['DELETE /participation/v1/channels/mychannel3', 'DELETE /participation/v1/channels/mychannel3']);
  });

  it('refuses a removal the orderer answers with an error', async () => {
    const api = await fakeOrdererApi(() => ({ status: 400, body: { error: 'cannot remove: system channel' } }));
    servers.push(api.server);

    await expect(channelParticipation({ url: api.url }).removeChannel('mychannel3')).rejects.toMatchObject({ code: 'PARTICIPATION_REFUSED', status: 400 });
  });
});
