import { CONNECTION_USAGE } from './api-options';
import type { ParsedCommand } from './api-command';
import { UsageError } from './cli-errors';
import { exclusive, parseCommandArgs, positiveInteger, required } from './command-args';
import { readJsonFile, type InputReader } from './json-input';

const UPLOAD_LINE = 'upload <package.tar.gz> [--json]';
const PROPOSE_LINES = `propose --channel C --name N --version V
          (--package <file> | --package-id <id> | --package-url <url> [--sha256 <hex>])
          [--sequence N] [--signature-policy "<expr>" | --channel-config-policy <path>]
          [--init-required] [--collections-config <collections_config.json>]
          [--description <text>] [--deadline-seconds N] [--json]`;

export const UPLOAD_USAGE = `usage: opssc chaincode ${UPLOAD_LINE}\n${CONNECTION_USAGE}`;
export const PROPOSE_USAGE = `usage: opssc chaincode ${PROPOSE_LINES}\n${CONNECTION_USAGE}`;

/** The usage of every `opssc chaincode` command. */
export const CHAINCODE_USAGE = `usage: opssc chaincode ${UPLOAD_LINE}\n       opssc chaincode ${PROPOSE_LINES}\n${CONNECTION_USAGE}`;

/** The DEPLOY_CHAINCODE payload without its package id, which may come from an upload. */
export interface DeploymentFields {
  channel: string;
  name: string;
  version: string;
  sequence?: number;
  endorsementPolicy?: { signaturePolicy: string } | { channelConfigPolicy: string };
  initRequired?: boolean;
  /** Private data collections, in Fabric's collections_config.json format (the server validates them). */
  collections?: unknown;
  description?: string;
}

/**
 * `chaincode propose`: a package file to upload first, the id of one already uploaded, or a URL the
 * server downloads it from (optionally with the SHA-256 it must have).
 */
export interface ProposeChaincodeOptions {
  package: { file: string } | { id: string } | { url: string; sha256?: string };
  fields: DeploymentFields;
  deadlineSeconds?: number;
}

/** `chaincode upload <file>`. */
export async function parseUploadArgs(argv: string[]): Promise<ParsedCommand<string>> {
  const { positionals, connection, json } = parseCommandArgs(argv, {}, ['package.tar.gz']);
  return { options: positionals[0], connection, json };
}

/** `chaincode propose`. Names, versions and policies are checked by the server, as for any proposal. */
export async function parseProposeArgs(argv: string[], input: InputReader): Promise<ParsedCommand<ProposeChaincodeOptions>> {
  const { values, connection, json } = parseCommandArgs(argv, {
    channel: { type: 'string' },
    name: { type: 'string' },
    version: { type: 'string' },
    package: { type: 'string' },
    'package-id': { type: 'string' },
    'package-url': { type: 'string' },
    sha256: { type: 'string' },
    sequence: { type: 'string' },
    'signature-policy': { type: 'string' },
    'channel-config-policy': { type: 'string' },
    'init-required': { type: 'boolean', default: false },
    'collections-config': { type: 'string' },
    description: { type: 'string' },
    'deadline-seconds': { type: 'string' },
  });
  const fields: DeploymentFields = { channel: required('channel', values.channel), name: required('name', values.name), version: required('version', values.version) };
  exclusive({ package: values.package, 'package-id': values['package-id'], 'package-url': values['package-url'] }, true);
  if (values.sha256 !== undefined && values['package-url'] === undefined) {
    throw new UsageError('--sha256 goes with --package-url (an uploaded package or a package id has its hash already)');
  }
  exclusive({ 'signature-policy': values['signature-policy'], 'channel-config-policy': values['channel-config-policy'] });
  const sequence = positiveInteger('sequence', values.sequence);
  if (sequence !== undefined) fields.sequence = sequence;
  if (values['signature-policy'] !== undefined) fields.endorsementPolicy = { signaturePolicy: values['signature-policy'] };
  if (values['channel-config-policy'] !== undefined) fields.endorsementPolicy = { channelConfigPolicy: values['channel-config-policy'] };
  if (values['init-required']) fields.initRequired = true;
  if (values['collections-config'] !== undefined) fields.collections = await readJsonFile('collections-config', values['collections-config'], input);
  if (values.description !== undefined) fields.description = values.description;
  const deadlineSeconds = positiveInteger('deadline-seconds', values['deadline-seconds']);
  return {
    options: { package: packageSource(values.package, values['package-id'], values['package-url'], values.sha256), fields, ...(deadlineSeconds !== undefined ? { deadlineSeconds } : {}) },
    connection,
    json,
  };
}

function packageSource(file?: string, id?: string, url?: string, sha256?: string): ProposeChaincodeOptions['package'] {
  if (file !== undefined) return { file };
  if (id !== undefined) return { id };
  return { url: url!, ...(sha256 !== undefined ? { sha256 } : {}) };
}
