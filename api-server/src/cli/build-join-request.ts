import { createPrivateKey, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { readMspFolder, type ContactMetadata, type JoinRequest, type JoinRequestBody } from '@opssc/core';
import { readNodesFile } from './nodes-file';

/** Where the joining org's request comes from. */
export interface JoinRequestSources {
  mspDir: string;
  mspId: string;
  adminCertFile: string;
  adminKeyFile: string;
  nodesFile: string;
  channels: string[];
  /** Optional JSON file with contact metadata (`organizationName`, `contacts`, `apiUrl`, `description`). */
  metadataFile?: string;
}

/** Signs a request body; `signJoinRequest` from @opssc/core in production. */
export type JoinRequestSigner = (body: JoinRequestBody, signerCertPem: string, privateKey: KeyObject) => JoinRequest;

/** Reads the MSP folder, nodes and metadata, builds the canonical request body and signs it with the admin key. */
export async function buildJoinRequest(sources: JoinRequestSources, sign: JoinRequestSigner): Promise<JoinRequest> {
  const msp = readMspFolder(sources.mspDir, sources.mspId);
  const [nodes, certPem, keyPem, metadataText] = await Promise.all([
    readNodesFile(sources.nodesFile),
    readFile(sources.adminCertFile, 'utf8'),
    readFile(sources.adminKeyFile),
    sources.metadataFile ? readFile(sources.metadataFile, 'utf8') : Promise.resolve('{}'),
  ]);
  const body: JoinRequestBody = {
    format: 'opssc.join-request.v1',
    mspId: sources.mspId,
    msp,
    nodes,
    channels: sources.channels,
    metadata: JSON.parse(metadataText) as ContactMetadata,
  };
  return sign(body, certPem, createPrivateKey(keyPem));
}
