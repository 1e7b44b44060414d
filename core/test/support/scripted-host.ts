import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An HTTP server on 127.0.0.1 that answers each path as a test scripts it, and records what it was sent. */
export interface ScriptedHost {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  url: string;
  requests: { path: string; headers: IncomingHttpHeaders }[];
  close(): Promise<void>;
}

/** Starts a {@link ScriptedHost}; a path without a route gets 404. */
export async function startScriptedHost(routes: Record<string, (res: ServerResponse) => void>): Promise<ScriptedHost> {
  const requests: ScriptedHost['requests'] = [];
  const server = createServer((req, res) => {
    requests.push({ path: req.url ?? '', headers: req.headers });
    const route = routes[req.url ?? ''];
    if (route) route(res);
    else res.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A route that streams 512-byte chunks without a Content-Length until the client hangs up; `sent()` counts the bytes written. */
export function endlessBody(): { route: (res: ServerResponse) => void; sent(): number } {
  let written = 0;
  return {
    route: (res) => {
      res.writeHead(200);
      const timer = setInterval(() => {
        written += 512;
        res.write(Buffer.alloc(512));
      }, 5);
      res.on('close', () => clearInterval(timer));
    },
    sent: () => written,
  };
}
