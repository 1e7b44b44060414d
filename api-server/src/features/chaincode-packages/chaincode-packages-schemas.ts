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
  'A committed chaincode definition and the package it runs: {channel, name, version, sequence, packageId, sha256, label, recordedBy, recordedAt, txId}.',
);

export const packageRecordListSchema = z.object({ items: z.array(packageRecordSchema) }).openapi('ChaincodePackageRecordList');

export const packageBytesSchema = z.string().openapi({ type: 'string', format: 'binary' });
