import { ledgerRecord } from '../../http/common-schemas';
import { z } from '../../http/zod';
import { PACKAGE_ID_PATTERN } from './package-files';

export const packageParamsSchema = z
  .object({
    packageId: z
      .string()
      .max(300)
      .regex(PACKAGE_ID_PATTERN, 'must be a package id <label>:<sha256 hex>')
      .openapi({ example: `consortium_ops_1.0:${'0'.repeat(64)}` }),
  })
  .strict();

export const listPackagesQuerySchema = z
  .object({ channel: z.string().regex(/^[a-z][a-z0-9.-]{0,248}$/, 'must be a channel name').optional() })
  .strict();

export const packageRecordSchema = ledgerRecord(
  'ChaincodePackageRecord',
  'A committed chaincode definition and the package it runs: {channel, name, version, sequence, packageId, sha256, label, recordedBy, recordedAt, txId}, and, when a DEPLOY_CHAINCODE commit wrote it, where the package is fetched: {proposalId, packageUrl?}.',
);

export const packageRecordListSchema = z.object({ items: z.array(packageRecordSchema) }).openapi('ChaincodePackageRecordList');

export const packageBytesSchema = z.string().openapi({ type: 'string', format: 'binary' });

export const uploadBodySchema = z
  .instanceof(Buffer, { message: 'the body must be the package file, sent as application/octet-stream' })
  .refine((bytes) => bytes.length > 0, 'the package is empty')
  .openapi({ type: 'string', format: 'binary', description: 'a chaincode package (.tar.gz with metadata.json and code.tar.gz)' });

export const uploadedPackageSchema = z
  .object({ packageId: z.string(), sha256: z.string(), label: z.string(), stored: z.boolean() })
  .openapi('UploadedChaincodePackage');

export const deploymentParamsSchema = z.object({ id: z.string().regex(/^p-[0-9a-f]{16}$/, 'must be a proposal id') }).strict();
