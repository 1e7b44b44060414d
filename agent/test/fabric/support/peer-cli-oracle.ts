import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as grpc from '@grpc/grpc-js';
import { peer } from '@hyperledger/fabric-protos';
import { makeTestOrg } from '../../../../core/test/support/cert-tree';
import { findFabric } from '../../../../test-network/src/fabric-binaries';

const run = promisify(execFile);
const raw = (bytes: Buffer) => bytes;

/** A `_lifecycle` invocation as Fabric's peer CLI sent it: the function name and its serialized arguments. */
export interface LifecycleCall {
  fn: string;
  args: Uint8Array;
}

function lifecycleCall(signedProposal: Buffer): LifecycleCall {
  const proposal = peer.Proposal.deserializeBinary(peer.SignedProposal.deserializeBinary(signedProposal).getProposalBytes_asU8());
  const payload = peer.ChaincodeProposalPayload.deserializeBinary(proposal.getPayload_asU8());
  const spec = peer.ChaincodeInvocationSpec.deserializeBinary(payload.getInput_asU8()).getChaincodeSpec();
  const [fn, args] = spec?.getInput()?.getArgsList_asU8() ?? [];
  return { fn: Buffer.from(fn ?? []).toString('utf8'), args: args ?? new Uint8Array() };
}

/**
 * An endorser that records what Fabric's peer CLI sends it and answers every proposal with an empty
 * success, which is all a query such as `checkcommitreadiness` needs to finish. The CLI does every
 * encoding itself (collections_config.json, the policy language), so the recorded arguments are the
 * oracle: exactly the bytes Fabric would send a real peer.
 */
async function startCapturingEndorser(calls: LifecycleCall[]): Promise<{ address: string; stop(): Promise<void> }> {
  const server = new grpc.Server();
  const processProposal = { path: '/protos.Endorser/ProcessProposal', requestStream: false, responseStream: false, requestSerialize: raw, requestDeserialize: raw, responseSerialize: raw, responseDeserialize: raw };
  server.addService({ processProposal }, {
    processProposal: (call: grpc.ServerUnaryCall<Buffer, Buffer>, callback: grpc.sendUnaryData<Buffer>) => {
      calls.push(lifecycleCall(call.request));
      const response = new peer.Response();
      response.setStatus(200);
      response.setPayload(new peer.lifecycle.CheckCommitReadinessResult().serializeBinary());
      const answer = new peer.ProposalResponse();
      answer.setResponse(response);
      callback(null, Buffer.from(answer.serializeBinary()));
    },
  });
  const port = await new Promise<number>((resolve, reject) => server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, bound) => (err ? reject(err) : resolve(bound))));
  return { address: `127.0.0.1:${port}`, stop: () => new Promise((resolve) => server.tryShutdown(() => resolve())) };
}

/** A local MSP folder for the peer CLI: a real CA and an admin identity it issued. */
async function writeLocalMsp(dir: string, mspId: string): Promise<string> {
  const org = await makeTestOrg(mspId);
  const msp = join(dir, 'msp');
  for (const sub of ['cacerts', 'admincerts', 'signcerts', 'keystore']) mkdirSync(join(msp, sub), { recursive: true });
  writeFileSync(join(msp, 'cacerts', 'ca.pem'), org.rootCa.certPem);
  // without NodeOUs (no config.yaml), Fabric's MSP wants its admins listed
  writeFileSync(join(msp, 'admincerts', 'admin.pem'), org.adminCertPem);
  writeFileSync(join(msp, 'signcerts', 'cert.pem'), org.adminCertPem);
  writeFileSync(join(msp, 'keystore', 'priv_sk'), org.adminKey.export({ type: 'pkcs8', format: 'pem' }));
  return msp;
}

/** What `peer lifecycle chaincode checkcommitreadiness` is given, beyond the peer to ask. */
export interface CheckCommitReadinessFlags {
  channel: string;
  name: string;
  version: string;
  sequence: number;
  /** Written to a file and passed as `--collections-config`, verbatim. */
  collectionsConfigJson?: string;
  signaturePolicy?: string;
}

/**
 * Runs Fabric's own peer CLI (`peer lifecycle chaincode checkcommitreadiness`) against a capturing endorser
 * and returns the `CheckCommitReadinessArgs` it sent, as sent and decoded. Throws when the binaries are missing, so a test that
 * depends on them fails instead of passing silently.
 */
export async function checkCommitReadinessArgsFromPeerCli(flags: CheckCommitReadinessFlags): Promise<{ bytes: Uint8Array; args: peer.lifecycle.CheckCommitReadinessArgs }> {
  const fabric = findFabric();
  if (!fabric) throw new Error('Fabric binaries not found. Run `npm run fabric:install` or set OPSSC_FABRIC_BIN.');
  const dir = mkdtempSync(join(tmpdir(), 'agent-peer-cli-'));
  const calls: LifecycleCall[] = [];
  const endorser = await startCapturingEndorser(calls);
  try {
    const mspId = 'Org1MSP';
    // the plugins are named because this CLI command leaves them empty for the peer to fill in, and the agent names them
    const definition = ['--name', flags.name, '--version', flags.version, '--sequence', String(flags.sequence), '--endorsement-plugin', 'escc', '--validation-plugin', 'vscc'];
    const args = ['lifecycle', 'chaincode', 'checkcommitreadiness', '--channelID', flags.channel, ...definition, '--peerAddresses', endorser.address, '--output', 'json'];
    if (flags.collectionsConfigJson !== undefined) {
      writeFileSync(join(dir, 'collections_config.json'), flags.collectionsConfigJson);
      args.push('--collections-config', join(dir, 'collections_config.json'));
    }
    if (flags.signaturePolicy !== undefined) args.push('--signature-policy', flags.signaturePolicy);
    const env = {
      PATH: process.env.PATH,
      HOME: dir,
      FABRIC_CFG_PATH: fabric.configDir,
      FABRIC_LOGGING_SPEC: 'ERROR',
      CORE_PEER_LOCALMSPID: mspId,
      CORE_PEER_MSPCONFIGPATH: await writeLocalMsp(dir, mspId),
      CORE_PEER_TLS_ENABLED: 'false',
    };
    await run(join(fabric.binDir, 'peer'), args, { env, timeout: 30_000 });
    const sent = calls.filter((c) => c.fn === 'CheckCommitReadiness');
    if (sent.length !== 1) throw new Error(`the peer CLI sent ${calls.map((c) => c.fn).join(', ') || 'nothing'}, not one CheckCommitReadiness`);
    return { bytes: sent[0].args, args: peer.lifecycle.CheckCommitReadinessArgs.deserializeBinary(sent[0].args) };
  } finally {
    await endorser.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
