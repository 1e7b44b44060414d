import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as yaml from 'js-yaml';
import { poll } from '../../api-client';
import { channelProfile } from '../../configtx';
import { NetworkState, orgHandle, OrgHandle } from '../../network-state';
import { createNewOrg, startOrgNodes } from '../../new-org';
import { ordererFlags, peerCli } from '../../peer-cli';
import { artifactsDir } from '../../run-layout';
import { Stopwatch } from './stopwatch';

const run = promisify(execFile);

/** Phase names of the manual run; the report maps them onto the project's phases. */
export const MANUAL_PHASES = {
  orgNew: 'org:new',
  definition: 'org definition',
  configUpdate: (channel: string) => `config update ${channel}`,
  bootstrap: 'bootstrap',
} as const;

export interface ManualJoinOptions {
  state: NetworkState;
  name: string;
  channels: string[];
  /** Chaincodes to install and approve: channel, name and package file. */
  chaincodes: { channel: string; name: string; file: string }[];
  watch: Stopwatch;
  log: (line: string) => void;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- configtxlator's JSON is walked and edited as plain data */
type Json = any;

async function tool(state: NetworkState, binary: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  try {
    const { stdout } = await run(join(state.fabric.binDir, binary), args, { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });
    return stdout;
  } catch (err) {
    const e = err as { stderr?: string; stdout?: string; message: string };
    throw new Error(`${binary} ${args.slice(0, 2).join(' ')} failed: ${(e.stderr || e.stdout || e.message).trim()}`);
  }
}

const configtxlator = (state: NetworkState, args: string[]) => tool(state, 'configtxlator', args);

/**
 * The consortium's admins add a new org by hand with Fabric's own CLIs, as the Fabric docs describe ("Adding an Org
 * to a Channel"), scripted with no waiting between steps: configtxgen -printOrg, fetch, decode, edit, encode,
 * compute_update, wrap, signconfigtx, update per channel; then the new org joins its orderer (osnadmin) and peer,
 * installs and approves the committed chaincodes. Each step is timed.
 */
export async function manualJoin(options: ManualJoinOptions): Promise<OrgHandle> {
  const { state, name, channels, watch } = options;
  const mspId = `${name}MSP`;
  const org1 = orgHandle(state, 'Org1MSP');
  const org2 = orgHandle(state, 'Org2MSP');

  const { org } = await watch.time(MANUAL_PHASES.orgNew, 'createNewOrg (CA + identities)', () => createNewOrg(state, name, channels));
  const work = join(artifactsDir(state.runDir), 'manual-join');
  mkdirSync(work, { recursive: true });

  // Org3's own configtx.yaml, with the org twice: as an application org (anchor peer) and as an orderer org (endpoint).
  const { appOrg, ordererOrg } = await watch.time(MANUAL_PHASES.definition, 'configtx.yaml + configtxgen -printOrg ×2', async () => {
    const full = channelProfile([{ org: org.layout, ports: org.ports }]).Organizations[0] as Record<string, unknown>;
    const { OrdererEndpoints: _endpoints, ...application } = full;
    const dir = join(work, 'configtx');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'configtx.yaml'), yaml.dump({ Organizations: [{ ...application, Name: `${mspId}-application` }, { ...full, AnchorPeers: undefined }] }, { noRefs: true, skipInvalid: true }));
    const print = async (orgName: string) => JSON.parse(await tool(state, 'configtxgen', ['-printOrg', orgName], { FABRIC_CFG_PATH: dir })) as Json;
    return { appOrg: await print(`${mspId}-application`), ordererOrg: await print(mspId) };
  });
  const tlsCert = readFileSync(join(org.layout.ordererTls, 'server.crt')).toString('base64');

  for (const channel of channels) {
    const phase = MANUAL_PHASES.configUpdate(channel);
    const dir = join(work, channel);
    mkdirSync(dir, { recursive: true });
    const f = (file: string) => join(dir, file);
    await watch.time(phase, 'peer channel fetch config (Org1)', () => peerCli(org1, ['channel', 'fetch', 'config', f('config_block.pb'), '-c', channel, ...ordererFlags(org1)]));
    await watch.time(phase, 'configtxlator proto_decode', () => configtxlator(state, ['proto_decode', '--input', f('config_block.pb'), '--type', 'common.Block', '--output', f('config_block.json')]));
    await watch.time(phase, 'edit JSON (add org, orderer org, consenter)', async () => {
      const config = (JSON.parse(readFileSync(f('config_block.json'), 'utf8')) as Json).data.data[0].payload.data.config;
      writeFileSync(f('config.json'), JSON.stringify(config));
      const groups = config.channel_group.groups;
      groups.Application.groups[mspId] = appOrg;
      groups.Orderer.groups[mspId] = ordererOrg;
      groups.Orderer.values.ConsensusType.value.metadata.consenters.push({ host: '127.0.0.1', port: org.ports.orderer, client_tls_cert: tlsCert, server_tls_cert: tlsCert });
      writeFileSync(f('modified_config.json'), JSON.stringify(config));
    });
    await watch.time(phase, 'configtxlator proto_encode ×2', async () => {
      await configtxlator(state, ['proto_encode', '--input', f('config.json'), '--type', 'common.Config', '--output', f('config.pb')]);
      await configtxlator(state, ['proto_encode', '--input', f('modified_config.json'), '--type', 'common.Config', '--output', f('modified_config.pb')]);
    });
    await watch.time(phase, 'configtxlator compute_update', () => configtxlator(state, ['compute_update', '--channel_id', channel, '--original', f('config.pb'), '--updated', f('modified_config.pb'), '--output', f('update.pb')]));
    await watch.time(phase, 'wrap in envelope (decode, JSON, encode)', async () => {
      await configtxlator(state, ['proto_decode', '--input', f('update.pb'), '--type', 'common.ConfigUpdate', '--output', f('update.json')]);
      const update = JSON.parse(readFileSync(f('update.json'), 'utf8')) as Json;
      const envelope = { payload: { header: { channel_header: { channel_id: channel, type: 2 } }, data: { config_update: update } } };
      writeFileSync(f('update_in_envelope.json'), JSON.stringify(envelope));
      await configtxlator(state, ['proto_encode', '--input', f('update_in_envelope.json'), '--type', 'common.Envelope', '--output', f('update_in_envelope.pb')]);
    });
    await watch.time(phase, 'peer channel signconfigtx (Org1)', () => peerCli(org1, ['channel', 'signconfigtx', '-f', f('update_in_envelope.pb')]));
    await watch.time(phase, 'peer channel update (Org2 signs, submits)', () => peerCli(org2, ['channel', 'update', '-f', f('update_in_envelope.pb'), '-c', channel, ...ordererFlags(org2)]));
    await watch.time(phase, 'fetch config until the new config block is committed', () => poll(`${mspId} in ${channel}'s config`, async () => {
      await peerCli(org1, ['channel', 'fetch', 'config', f('latest_config.block'), '-c', channel, ...ordererFlags(org1)]);
      return readFileSync(f('latest_config.block')).includes(Buffer.from(mspId)) ? true : undefined;
    }, 60_000, 100));
  }

  const phase = MANUAL_PHASES.bootstrap;
  await watch.time(phase, 'start orderer and peer (startOrgNodes)', () => startOrgNodes(state, org));
  const tls = (file: string) => join(org.layout.ordererTls, file);
  for (const channel of channels) {
    await watch.time(phase, `osnadmin channel join ${channel}`, () => tool(state, 'osnadmin', [
      'channel', 'join', '--channelID', channel, '--config-block', join(work, channel, 'latest_config.block'),
      '-o', `127.0.0.1:${org.ports.ordererAdmin}`, '--ca-file', tls('ca.crt'), '--client-cert', tls('server.crt'), '--client-key', tls('server.key'),
    ]));
  }
  // Org3's orderer is still catching up, so its peer reads block 0 (and submits approvals) through Org1's orderer.
  for (const channel of channels) {
    const block0 = join(work, channel, `${channel}_0.block`);
    await watch.time(phase, `peer channel fetch 0 + join ${channel}`, async () => {
      await peerCli(org, ['channel', 'fetch', '0', block0, '-c', channel, ...ordererFlags(org1)]);
      await peerCli(org, ['channel', 'join', '-b', block0]);
    });
  }
  const packageIds = new Map<string, string>();
  for (const cc of options.chaincodes) {
    if (packageIds.has(cc.file)) continue;
    await watch.time(phase, `peer lifecycle chaincode install ${cc.name}`, async () => {
      packageIds.set(cc.file, (await peerCli(org, ['lifecycle', 'chaincode', 'calculatepackageid', cc.file])).trim());
      await peerCli(org, ['lifecycle', 'chaincode', 'install', cc.file], 600_000);
    });
  }
  for (const cc of options.chaincodes) {
    await watch.time(phase, `querycommitted + approveformyorg ${cc.name}`, async () => {
      const out = await peerCli(org, ['lifecycle', 'chaincode', 'querycommitted', '-C', cc.channel, '-n', cc.name, '-O', 'json']);
      const def = JSON.parse(out.slice(out.indexOf('{'))) as { sequence: number; version: string; init_required?: boolean };
      await peerCli(org, [
        'lifecycle', 'chaincode', 'approveformyorg', ...ordererFlags(org1), '--channelID', cc.channel, '--name', cc.name,
        '--version', def.version, '--sequence', String(def.sequence), '--package-id', packageIds.get(cc.file) as string,
        ...(def.init_required ? ['--init-required'] : []),
      ]);
    });
  }
  return org;
}
