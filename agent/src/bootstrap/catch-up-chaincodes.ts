import type { CommittedChaincode } from '../fabric';
import { BootstrapError, chaincodeErrorCode } from './bootstrap-error';
import type { JoinApiPort, MemberNetwork, OwnPeerPort } from './bootstrap-ports';
import { definitionFromCommitted } from './committed-definition';
import { evaluateJson } from './member-queries';
import { checkRecordDescribes, verifyPackageBytes, type PackageRecord } from './package-verification';
import { runStep, type BootstrapContext, type StepResult } from './step-runner';

/** The package record of a committed definition, read on-chain through a member's peer and checked against it. */
async function packageRecord(net: MemberNetwork, channel: string, committed: CommittedChaincode): Promise<PackageRecord> {
  let record: PackageRecord;
  try {
    record = await evaluateJson<PackageRecord>(net, 'GetChaincodePackage', channel, committed.name, String(committed.sequence));
  } catch (err) {
    if (chaincodeErrorCode(err) === 'CHAINCODE_PACKAGE_NOT_FOUND') {
      // A member records it with RecordChaincodePackage; until then this org cannot verify, so it waits.
      throw new BootstrapError('PACKAGE_RECORD_MISSING', `no member has recorded the package of ${committed.name} sequence ${committed.sequence} on ${channel}`, true);
    }
    throw err;
  }
  checkRecordDescribes(record, channel, committed);
  return record;
}

/** Installs the recorded package unless the peer has it: download, verify against the record, install, check the id. */
async function installPackage(peer: OwnPeerPort, joinApi: JoinApiPort, record: PackageRecord): Promise<StepResult> {
  if ((await peer.installedPackageIds()).includes(record.packageId)) return { outcome: 'already-done', detail: `${record.packageId} is installed` };
  const bytes = await joinApi.downloadPackage(record.packageId);
  verifyPackageBytes(bytes, record);
  const installed = await peer.install(bytes);
  if (installed.packageId !== record.packageId) {
    throw new BootstrapError('PACKAGE_HASH_MISMATCH', `the peer named the package ${installed.packageId}; the record names ${record.packageId}`, false);
  }
  return { outcome: installed.alreadyInstalled ? 'already-done' : 'done', detail: `${record.packageId} (${bytes.length} bytes, SHA-256 verified against the record by ${record.recordedBy ?? 'a member'})` };
}

/**
 * Installs and approves, for this org, every chaincode definition committed on the channel, as its own
 * (caught-up) peer reports them. Each package is the one recorded on-chain for that exact definition,
 * and the approval repeats the committed definition exactly, so this org's peers can endorse it.
 */
export async function catchUpChaincodes(ctx: BootstrapContext, peer: OwnPeerPort, joinApi: JoinApiPort, net: MemberNetwork, channel: string): Promise<void> {
  const committed = [...(await peer.queryCommitted(channel))].sort((a, b) => a.name.localeCompare(b.name));
  for (const definition of committed) {
    const key = `${channel}:${definition.name}:${definition.sequence}`;
    if (ctx.state.done.includes(`install:${key}`) && ctx.state.done.includes(`approve:${key}`)) continue;
    const record = await packageRecord(net, channel, definition);
    await runStep(ctx, `install:${key}`, { step: 'install', channel }, () => installPackage(peer, joinApi, record));
    await runStep(ctx, `approve:${key}`, { step: 'approve', channel }, async () => {
      const approved = await peer.approve(definitionFromCommitted(channel, definition), record.packageId);
      return {
        outcome: approved.status === 'DONE' ? 'done' : 'already-done',
        detail: `${definition.name} version ${definition.version} sequence ${definition.sequence} with ${record.packageId}`,
      };
    });
  }
}
