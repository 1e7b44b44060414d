import type { Request, Response } from 'express';
import type { AnyZodObject, ZodTypeAny, z } from 'zod';
import type { Logger } from '../observability/logger';
import type { Principal } from './request-context';

/**
 * Who may call a route: anyone, any API key (`viewer` or `admin`), an `admin` key, an invitation token
 * (join endpoints; `invitation-join` also binds the token to the body's mspId), or either any API key or
 * an invitation token (`viewer-or-invitation`: the handler decides what a token holder may see).
 */
export type AuthMode = 'public' | 'viewer' | 'admin' | 'invitation-join' | 'invitation-read' | 'viewer-or-invitation';

/** The zod schemas a route validates its input with. */
export interface RouteSchemas {
  params?: AnyZodObject;
  query?: AnyZodObject;
  body?: ZodTypeAny;
  /**
   * The body is raw bytes (`application/octet-stream`, at most `limitBytes`), read only after the caller
   * is authenticated; `body` then validates a Buffer.
   */
  rawBody?: { limitBytes: number };
}

type Infer<T> = T extends ZodTypeAny ? z.infer<T> : Record<string, never>;

/** What a handler receives: validated input plus the request's principal and logger. */
export interface RouteContext<S extends RouteSchemas> {
  params: Infer<S['params']>;
  query: Infer<S['query']>;
  body: Infer<S['body']>;
  principal: Principal;
  log: Logger;
  req: Request;
  res: Response;
}

/** A JSON reply; handlers that stream (SSE, metrics) write to `res` and return nothing. */
export interface Reply {
  status: number;
  body: unknown;
}

/** A documented response of a route. */
export interface ResponseSpec {
  description: string;
  schema?: ZodTypeAny;
  /** Defaults to `application/json`. */
  contentType?: string;
}

/**
 * One route. The same object mounts the Express handler and generates the OpenAPI operation,
 * so the document cannot drift from what the server accepts.
 */
export interface RouteSpec<S extends RouteSchemas = RouteSchemas> {
  method: 'get' | 'post' | 'patch' | 'delete';
  /** Express path, such as `/api/v1/proposals/:id`. */
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  auth: AuthMode;
  request?: S;
  responses: Record<number, ResponseSpec>;
  handle(ctx: RouteContext<S>): Promise<Reply | void>;
}

/** Declares a route with its input types inferred from its schemas. */
export function defineRoute<S extends RouteSchemas>(spec: RouteSpec<S>): RouteSpec {
  return spec as unknown as RouteSpec;
}
