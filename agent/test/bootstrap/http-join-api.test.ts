import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { httpJoinApi, JoinApiError } from '../../src/bootstrap';

const TOKEN = 'inv_0123456789abcdef.secret';

/** A stand-in api-server answering from a table of `path → [status, body]`, recording the requests. */
async function server(routes: Record<string, [number, unknown]>): Promise<{ url: string; seen: { path: string; auth?: string }[]; close(): Promise<void> }> {
  const seen: { path: string; auth?: string }[] = [];
  const http: Server = createServer((req, res) => {
    seen.push({ path: req.url ?? '', auth: req.headers.authorization });
    const [status, body] = routes[req.url ?? ''] ?? [404, { error: { code: 'NOT_FOUND', message: 'no route' } }];
    if (Buffer.isBuffer(body)) {
      res.writeHead(status, { 'content-type': 'application/octet-stream' }).end(body);
    } else {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    }
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, seen, close: () => new Promise((resolve) => http.close(() => resolve())) };
}

describe("the api-server client of a joining org's agent", () => {
  test('when it lists its join requests, it sends the token as a bearer credential', async () => {
    const api = await server({ '/api/v1/join-requests': [200, { items: [{ proposalId: 'p-00000000000000aa', status: 'OPEN', channels: ['ops-channel'], tasks: [] }] }] });
    try {
      const items = await httpJoinApi(api.url, TOKEN).listJoinRequests();
      expect(items).toEqual([{ proposalId: 'p-00000000000000aa', status: 'OPEN', channels: ['ops-channel'], tasks: [] }]);
      expect(api.seen).toEqual([{ path: '/api/v1/join-requests', auth: `Bearer ${TOKEN}` }]);
    } finally {
      await api.close();
    }
  });

  test('when an older api-server gives only the ops channel at the top level, that becomes the only channel', async () => {
    const body = { channel: 'ops-channel', blockNumber: 3, configBlock: 'AAAA', orderers: [{ mspId: 'Org1MSP', endpoints: ['o:1'] }], tlsRootCerts: { Org1MSP: ['pem'] } };
    const api = await server({ '/api/v1/join-requests/p-00000000000000aa/bootstrap': [200, body] });
    try {
      expect(await httpJoinApi(api.url, TOKEN).getBootstrap('p-00000000000000aa')).toEqual({
        channels: [{ channel: 'ops-channel', orderers: body.orderers, peers: [], tlsRootCerts: body.tlsRootCerts }],
      });
    } finally {
      await api.close();
    }
  });

  test('when a package is downloaded, its id is sent encoded and its bytes come back unchanged', async () => {
    const id = `sample_1.0:${'a'.repeat(64)}`;
    const api = await server({ [`/api/v1/chaincode-packages/${encodeURIComponent(id)}`]: [200, Buffer.from([0, 1, 2, 255])] });
    try {
      expect(Buffer.from(await httpJoinApi(api.url, TOKEN).downloadPackage(id))).toEqual(Buffer.from([0, 1, 2, 255]));
    } finally {
      await api.close();
    }
  });

  test('when the server refuses, the error carries its code and is retryable only for 5xx and 429, without the token', async () => {
    const api = await server({ '/api/v1/join-requests/p-1': [403, { error: { code: 'FORBIDDEN', message: 'no' } }], '/api/v1/join-requests/p-2': [503, { error: { code: 'UPSTREAM_UNAVAILABLE' } }] });
    try {
      const client = httpJoinApi(api.url, TOKEN);
      const forbidden = (await client.getJoinRequest('p-1').catch((err: JoinApiError) => err)) as JoinApiError;
      const unavailable = (await client.getJoinRequest('p-2').catch((err: JoinApiError) => err)) as JoinApiError;
      expect(forbidden).toMatchObject({ status: 403, code: 'FORBIDDEN', retryable: false });
      expect(unavailable).toMatchObject({ status: 503, code: 'UPSTREAM_UNAVAILABLE', retryable: true });
      expect(`${forbidden.message} ${unavailable.message}`).not.toContain('secret');
    } finally {
      await api.close();
    }
  });

  test('when the server cannot be reached, the error is retryable', async () => {
    const api = await server({});
    await api.close();
    await expect(httpJoinApi(api.url, TOKEN).listJoinRequests()).rejects.toMatchObject({ retryable: true });
  });
});
