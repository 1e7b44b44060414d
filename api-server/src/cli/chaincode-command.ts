import { runCommandGroup, runnable, type CliDeps, type CommandContext } from './api-command';
import { CHAINCODE_USAGE, parseProposeArgs, parseUploadArgs, PROPOSE_USAGE, UPLOAD_USAGE, type ProposeChaincodeOptions } from './chaincode-args';
import { UsageError } from './cli-errors';
import type { UploadedPackage } from './proposals-api-client';
import { reportCreated } from './proposals-command';

/** Uploads a package file; the bytes go as they are, the server reads the label and hashes them. */
async function upload(file: string, ctx: CommandContext): Promise<UploadedPackage> {
  let bytes: Buffer;
  try {
    bytes = ctx.readBytes(file);
  } catch (err) {
    throw new UsageError(`cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  return ctx.client.uploadPackage(bytes);
}

function reportUpload(uploaded: UploadedPackage, print: (line: string) => void): void {
  print(`packageId ${uploaded.packageId}`);
  print(`sha256    ${uploaded.sha256}`);
  if (!uploaded.stored) print('(the server already held this package)');
}

/** `chaincode upload`: stores a package on this org's api-server, for a DEPLOY_CHAINCODE proposal. */
export async function uploadPackage(file: string, ctx: CommandContext): Promise<number> {
  const uploaded = await upload(file, ctx);
  if (ctx.json) {
    ctx.outJson(uploaded);
  } else {
    reportUpload(uploaded, ctx.out);
  }
  return 0;
}

/**
 * `chaincode propose`: uploads the package when given a file (the members' agents download it from
 * this server), then proposes DEPLOY_CHAINCODE with its package id, or with the URL to download it from.
 */
export async function proposeChaincode(options: ProposeChaincodeOptions, ctx: CommandContext): Promise<number> {
  let source: { packageId: string } | { packageUrl: string; sha256?: string };
  if ('file' in options.package) {
    const uploaded = await upload(options.package.file, ctx);
    reportUpload(uploaded, ctx.json ? ctx.err : ctx.out);
    source = { packageId: uploaded.packageId };
  } else if ('id' in options.package) {
    source = { packageId: options.package.id };
  } else {
    // the server downloads the package once and names it; the proposal then carries its id
    source = { packageUrl: options.package.url, ...(options.package.sha256 !== undefined ? { sha256: options.package.sha256 } : {}) };
  }
  const request = { type: 'DEPLOY_CHAINCODE', payload: { ...options.fields, ...source }, ...(options.deadlineSeconds !== undefined ? { deadlineSeconds: options.deadlineSeconds } : {}) };
  reportCreated(ctx, await ctx.client.create(request));
  return 0;
}

const commands = {
  upload: runnable({ usage: UPLOAD_USAGE, parse: parseUploadArgs, execute: uploadPackage }),
  propose: runnable({ usage: PROPOSE_USAGE, parse: parseProposeArgs, execute: proposeChaincode }),
};

/** `opssc chaincode <command> ...`; returns the exit code. */
export function runChaincode(argv: string[], deps: CliDeps): Promise<number> {
  return runCommandGroup('chaincode', CHAINCODE_USAGE, commands, argv, deps);
}
