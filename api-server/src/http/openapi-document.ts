import { OpenAPIRegistry, OpenApiGeneratorV3, type ResponseConfig } from '@asteasolutions/zod-to-openapi';
import type { RouteSpec } from './route-spec';

/** Express `:param` segments in OpenAPI `{param}` form. */
export function openApiPath(expressPath: string): string {
  return expressPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

const SECURITY: Record<RouteSpec['auth'], Array<Record<string, string[]>>> = {
  public: [],
  viewer: [{ apiKey: [] }],
  admin: [{ apiKey: [] }],
  'invitation-join': [{ invitationToken: [] }],
  'invitation-read': [{ invitationToken: [] }],
  'viewer-or-invitation': [{ apiKey: [] }, { invitationToken: [] }],
};

/**
 * Builds the OpenAPI 3 document from the route table: the very zod schemas that validate requests
 * describe them here, so the document cannot disagree with the server.
 */
export function buildOpenApiDocument(routes: readonly RouteSpec[], version: string): object {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'apiKey', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key of this org (role admin or viewer).',
  });
  registry.registerComponent('securitySchemes', 'invitationToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'An invitation token `inv_<id>.<secret>`; accepted on join-request endpoints, and for chaincode package downloads once the join request is approved.',
  });
  for (const route of routes) {
    const responses: Record<string, ResponseConfig> = {};
    for (const [status, spec] of Object.entries(route.responses)) {
      responses[status] = spec.schema
        ? { description: spec.description, content: { [spec.contentType ?? 'application/json']: { schema: spec.schema } } }
        : { description: spec.description };
    }
    const body = route.request?.body;
    registry.registerPath({
      method: route.method,
      path: openApiPath(route.path),
      operationId: route.operationId,
      summary: route.summary,
      tags: [route.tag],
      security: SECURITY[route.auth],
      request: {
        params: route.request?.params,
        query: route.request?.query,
        body: body ? { required: !body.isOptional(), content: { [route.request?.rawBody ? 'application/octet-stream' : 'application/json']: { schema: body } } } : undefined,
      },
      responses,
    });
  }
  return new OpenApiGeneratorV3(registry.definitions).generateDocument({
    openapi: '3.0.3',
    info: {
      title: 'OpsSC consortium api-server',
      version,
      description: 'Per-org REST API for consortium membership: invitations, join requests, proposals and votes.',
    },
    servers: [{ url: '/' }],
  });
}
