import { errorResponses } from '../../http/common-schemas';
import { defineRoute, type RouteSpec } from '../../http/route-spec';
import { z } from '../../http/zod';
import type { LedgerPort } from '../../ledger/ledger-port';
import { formatSseEvent, parseEventId } from './event-id';

const eventsQuerySchema = z
  .object({
    lastEventId: z.string().max(160).optional().openapi({ description: 'same as the Last-Event-ID header, for clients that cannot set headers' }),
    fromBlock: z.coerce.number().int().min(0).optional().openapi({ description: 'replay from this block when there is no Last-Event-ID' }),
  })
  .strict();

const sseSchema = z.string().openapi({
  description: 'text/event-stream; each event has `id: <block>:<txId>`, `event: <name>` and JSON `data: {name, blockNumber, transactionId, payload}`',
});

/** Server-Sent Events of consortium_ops chaincode events, resumable with Last-Event-ID. */
export function eventsRoutes(ledger: LedgerPort, heartbeatMs: number): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/v1/events',
      operationId: 'streamEvents',
      summary: 'Stream consortium_ops events (Server-Sent Events); resume with Last-Event-ID',
      tag: 'events',
      auth: 'viewer',
      request: { query: eventsQuerySchema },
      responses: { 200: { description: 'the event stream', schema: sseSchema, contentType: 'text/event-stream' }, ...errorResponses(400, 401) },
      handle: async ({ req, res, query, log }) => {
        const resume = parseEventId(req.get('last-event-id') ?? query.lastEventId);
        const from = resume ?? (query.fromBlock === undefined ? undefined : { blockNumber: BigInt(query.fromBlock) });
        // Opened before the headers go out, so a peer failure is still an ordinary JSON error response.
        const stream = await ledger.events(from);
        res.writeHead(200, {
          'Content-Type': 'text/event-stream; charset=utf-8',
          'Cache-Control': 'no-cache, no-transform',
          Connection: 'keep-alive',
          // Reverse proxies (nginx) would otherwise buffer the stream.
          'X-Accel-Buffering': 'no',
        });
        res.write(': connected\n\n');
        const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), heartbeatMs);
        const stop = (): void => {
          clearInterval(heartbeat);
          stream.close();
        };
        res.on('close', stop);
        try {
          for await (const event of stream) {
            res.write(formatSseEvent(event));
          }
        } catch (err) {
          if (!res.writableEnded && !res.destroyed) {
            log.warn('event stream failed', { err });
            res.write('event: error\ndata: {"code":"UPSTREAM_UNAVAILABLE"}\n\n');
          }
        } finally {
          stop();
          res.end();
        }
      },
    }),
  ];
}
