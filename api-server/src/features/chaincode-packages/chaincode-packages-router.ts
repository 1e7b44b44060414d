import { errorResponses } from '../../http/common-schemas';
import { defineRoute, type RouteSpec } from '../../http/route-spec';
import { listPackagesQuerySchema, packageBytesSchema, packageParamsSchema, packageRecordListSchema } from './chaincode-packages-schemas';
import type { ChaincodePackagesService } from './chaincode-packages-service';

/** Chaincode package routes: the on-chain records for this org's keys, the package files for keys and approved joiners. */
export function chaincodePackagesRoutes(service: ChaincodePackagesService): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/v1/chaincode-packages',
      operationId: 'listChaincodePackages',
      summary: 'The on-chain chaincode package records, of one channel or of all',
      tag: 'chaincode-packages',
      auth: 'viewer',
      request: { query: listPackagesQuerySchema },
      responses: { 200: { description: 'package records', schema: packageRecordListSchema }, ...errorResponses(400, 401) },
      handle: async ({ query }) => ({ status: 200, body: { items: await service.list(query.channel) } }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/chaincode-packages/:packageId',
      operationId: 'downloadChaincodePackage',
      summary: 'Download a chaincode package file; verify it against its on-chain record before installing it',
      tag: 'chaincode-packages',
      auth: 'viewer-or-invitation',
      request: { params: packageParamsSchema },
      responses: {
        200: { description: 'the package file (its SHA-256 is the one in the package id)', schema: packageBytesSchema, contentType: 'application/octet-stream' },
        ...errorResponses(400, 401, 403, 404, 410, 429),
      },
      handle: async ({ params, principal, res }) => {
        const file = await service.download(principal, params.packageId);
        res.status(200);
        res.setHeader('Content-Type', 'application/octet-stream');
        res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
        res.setHeader('Content-Length', String(file.bytes.length));
        res.end(file.bytes);
      },
    }),
  ];
}
