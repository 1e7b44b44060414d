import express, { type Express, type RequestHandler } from 'express';
import type { Logger } from '../observability/logger';
import { getLog, getPrincipal } from './request-context';
import type { AuthMode, RouteContext, RouteSchemas, RouteSpec } from './route-spec';

/**
 * Mounts each route on the app at its full path: authentication first (so an unauthenticated caller
 * learns nothing about the schema), then validation of params, query and body with the route's own
 * zod schemas, then the handler. A ZodError thrown here becomes 400 INVALID_ARGUMENT.
 */
export function mountRoutes(app: Express, routes: readonly RouteSpec[], guard: (mode: AuthMode) => RequestHandler, logger: Logger): void {
  for (const route of routes) {
    const raw = route.request?.rawBody;
    // a large body is read only once the caller is known, never for an anonymous one
    const bodyReaders: RequestHandler[] = raw ? [express.raw({ type: 'application/octet-stream', limit: raw.limitBytes })] : [];
    app[route.method](route.path, guard(route.auth), ...bodyReaders, async (req, res) => {
      const schemas: RouteSchemas = route.request ?? {};
      const ctx: RouteContext<RouteSchemas> = {
        params: schemas.params ? schemas.params.parse(req.params) : {},
        query: schemas.query ? schemas.query.parse(req.query) : {},
        body: schemas.body ? schemas.body.parse(req.body) : {},
        principal: getPrincipal(res),
        log: getLog(res, logger),
        req,
        res,
      };
      const reply = await route.handle(ctx);
      if (reply) {
        res.status(reply.status).json(reply.body);
      }
    });
  }
}
