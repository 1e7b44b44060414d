#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { memberApi } from './api-client';
import { APP_CHAINCODE, APP_CHANNEL } from './consortium-setup';
import { ConsortiumManifest, MANIFEST_FILE } from './consortium-manifest';
import { joinNewOrg } from './join-walkthrough';
import { OPS_CHANNEL } from './network';
import { readState } from './network-state';
import { endorseSample } from './sample-endorsement';

/**
 * `npm run demo [OrgN]`: against the consortium `npm start` brought up, a new organization joins by itself:
 * invitations, self-proposal and attestation, the validation report, votes, config updates applied by the members'
 * agents on both channels, its nodes bootstrapping, activation, and a transaction it endorses. Prints each phase's time.
 */
async function main(): Promise<void> {
  const manifest = JSON.parse(readFileSync(MANIFEST_FILE, 'utf8')) as ConsortiumManifest;
  const state = readState(manifest.runDir);
  if (!state) throw new Error(`no running consortium in ${manifest.runDir}; run \`npm start\` first`);
  const name = process.argv[2] ?? `Org${Math.max(...state.orgs.map((o) => o.index)) + 1}`;
  const members = manifest.orgs.map((o) => memberApi(o.mspId, o.apiUrl, readFileSync(o.adminKeyFile, 'utf8').trim()));
  const timings: [string, number][] = [];
  const started = Date.now();
  const { org } = await joinNewOrg({
    state, name, members, channels: [OPS_CHANNEL, APP_CHANNEL],
    log: (line) => console.log(line),
    phaseDone: (phase, seconds) => timings.push([phase, seconds]),
  });

  console.log(`\n== ${org.state.mspId} endorses a transaction on ${APP_CHANNEL}`);
  const phaseStart = Date.now();
  const endorsed = await endorseSample(org, APP_CHANNEL, APP_CHAINCODE, [members[0].mspId]);
  console.log(`   transaction ${endorsed.transactionId} endorsed by ${org.state.mspId} and ${members[0].mspId}: ${endorsed.valid ? 'VALID' : 'INVALID'} in block ${endorsed.blockNumber}`);
  console.log(`   read back through ${org.state.mspId}'s peer: "${endorsed.readBack}"`);
  timings.push(['endorsement', (Date.now() - phaseStart) / 1000]);

  console.log(`\n${org.state.mspId} joined in ${((Date.now() - started) / 1000).toFixed(1)} s:`);
  for (const [phase, seconds] of timings) console.log(`   ${phase.padEnd(30)} ${seconds.toFixed(1).padStart(6)} s`);
}

main().catch((err: Error) => {
  console.error(`error: ${err.message}`);
  process.exit(1);
});
