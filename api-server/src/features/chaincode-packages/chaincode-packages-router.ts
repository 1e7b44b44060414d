import { errorResponses } from '../../http/common-schemas';
import { defineRoute, type RouteSpec } from '../../http/route-spec';
import {
  deploymentParamsSchema,
  listPackagesQuerySchema,
  packageBytesSchema,
  packageParamsSchema,
  packageRecordListSchema,
  uploadBodySchema,
  uploadedPackageSchema,
} from './chaincode-packages-schemas';
import { MAX_PACKAGE_BYTES, type PackageFile } from './package-files';
import type { Response } from 'express';
import type { ChaincodePackagesService } from './chaincode-packages-service';

/** Sends a package file as the response. */
function sendPackage(res: Response, file: PackageFile): void {
  res.status(200);
  res.setHeader('Content-Type', 'application/octet-stream');
  res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
  res.setHeader('Content-Length', String(file.bytes.length));
  res.end(file.bytes);
}

/**
 * Chaincode package routes: the on-chain records for this org's keys; the package files for keys and
 * approved joiners; uploads by this org's admins; and approved deployments' packages for the other members.
 */
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
      summary: "Download a chaincode package file; verify it against its on-chain record before installing it (one this server lacks is fetched from its record's packageUrl or proposer's api-server)",
      tag: 'chaincode-packages',
      auth: 'viewer-or-invitation',
      request: { params: packageParamsSchema },
      responses: {
        200: { description: 'the package file (its SHA-256 is the one in the package id)', schema: packageBytesSchema, contentType: 'application/octet-stream' },
        ...errorResponses(400, 401, 403, 404, 410, 422, 429),
      },
      handle: async ({ params, principal, res }) => sendPackage(res, await service.download(principal, params.packageId)),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/chaincode-packages',
      operationId: 'uploadChaincodePackage',
      summary: 'Upload a chaincode package (raw .tar.gz) for a DEPLOY_CHAINCODE proposal; it is stored as <label>.tar.gz',
      tag: 'chaincode-packages',
      auth: 'admin',
      request: { body: uploadBodySchema, rawBody: { limitBytes: MAX_PACKAGE_BYTES } },
      responses: {
        201: { description: 'stored (stored: false when this server already held the same package)', schema: uploadedPackageSchema },
        ...errorResponses(400, 401, 403, 404, 409, 413),
      },
      handle: async ({ body }) => ({ status: 201, body: await service.upload(body) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/proposals/:id/package',
      operationId: 'downloadDeploymentPackage',
      summary: "Download the package of an approved DEPLOY_CHAINCODE proposal (for the members' agents; no credential: the package's hash is on-chain)",
      tag: 'chaincode-packages',
      auth: 'public',
      request: { params: deploymentParamsSchema },
      responses: {
        200: { description: 'the package file; check its SHA-256 against the proposal before installing it', schema: packageBytesSchema, contentType: 'application/octet-stream' },
        ...errorResponses(400, 403, 404),
      },
      handle: async ({ params, res }) => sendPackage(res, await service.downloadForDeployment(params.id)),
    }),
  ];
}
