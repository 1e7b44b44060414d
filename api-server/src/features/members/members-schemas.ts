import { MemberStatuses } from '@opssc/core';
import { ledgerRecord, mspIdSchema } from '../../http/common-schemas';
import { z } from '../../http/zod';
import { contactMetadataSchema } from '../join-requests/join-request-schema';

/** Member statuses (DESIGN.md section 4). */
export const memberStatusSchema = z.enum(MemberStatuses);

export const memberParamsSchema = z.object({ mspId: mspIdSchema }).strict();

export const listMembersQuerySchema = z
  .object({
    status: memberStatusSchema.optional(),
    view: z
      .enum(['full', 'summary'])
      .optional()
      .openapi({ description: '`summary` leaves out each MSP definition and node list (a few hundred bytes a member instead of kilobytes); default `full`' }),
  })
  .strict();

/** The metadata fields `UpdateMemberMetadata` accepts. */
export const memberMetadataSchema = contactMetadataSchema
  .refine((value) => Object.keys(value).length > 0, 'at least one field is required')
  .openapi('MemberMetadata');

export const memberSchema = ledgerRecord('Member', 'A consortium member with its MSP, endpoints, metadata, status and history.');

export const memberListSchema = z.object({ items: z.array(memberSchema) }).openapi('MemberList');
