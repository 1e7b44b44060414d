#!/usr/bin/env node
// Prepares and bootstraps the consortium of docker-compose.yaml with the project's own test-network code.
//
//   node docker/compose-bootstrap.cjs prepare     before `docker compose up`
//   node docker/compose-bootstrap.cjs bootstrap   once the containers are healthy
//
// `prepare` runs the local network's `up` (the code behind `npm run network:up`) in .run/compose with 2 orgs on
// base port 17050 and no channel: each org's Fabric CA is initialised and enrolls the peer, orderer, admin and
// client identities with their TLS certificates. It then stops those native processes but, unlike
// `network:down`, keeps every file, adds what the containers need (a TLS client pair for the agent, the admin
// identity under stable file names, the api-server's key files) and removes the native ledgers, since the
// containers keep theirs in named volumes.
// `bootstrap` creates ops-channel (configtxgen's genesis block, joined through each orderer's channel
// participation API and by each peer), deploys consortium_ops with the standard lifecycle and initialises the
// consortium, through the ports the compose file publishes on 127.0.0.1. It also copies the package into each
// api-server's packages folder, from which a joining org's agent downloads the chaincodes it must install.
// Both need `npm run build` and the Fabric binaries the local network uses (OPSSC_FABRIC_BIN or ~/.cache/opssc).
'use strict';

const { randomBytes } = require('node:crypto');
const { execFileSync } = require('node:child_process');
const { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');

const repoRoot = resolve(__dirname, '..');
const dist = (module) => join(repoRoot, 'test-network', 'dist', module);
/** The compose file mounts these folders; it and this script must agree. */
const RUN_DIR = join(repoRoot, '.run', 'compose');
/** docker-compose.yaml publishes org N's ports from 17050 + (N-1)*10, the local network's default layout. */
const BASE_PORT = 17050;
const ORGS = 2;
/** What `prepare` adds to each org's folder (.run/compose/orgs/orgN), beside the local network's own layout. */
const PREPARED_FOLDERS = Object.freeze({
  adminIdentity: 'users/admin/identity',
  adminTls: 'users/admin/tls',
  apiServerSecrets: 'api-server/secrets',
  /** `<label>.tar.gz` of each committed chaincode, which the api-server serves to joining orgs (as test-network's). */
  chaincodePackages: 'api-server/packages',
});

function load() {
  if (!existsSync(dist('network.js'))) throw new Error('run `npm run build` first: test-network/dist is missing');
  return {
    ...require(dist('network')),
    ...require(dist('network-state')),
    ...require(dist('process-supervisor')),
    ...require(dist('run-layout')),
    ...require(dist('consortium')),
    ...require(join(repoRoot, 'api-server', 'dist', 'index.js')),
  };
}

const only = (dir) => {
  const files = readdirSync(dir);
  if (files.length !== 1) throw new Error(`expected one file in ${dir}, found ${files.length}`);
  return join(dir, files[0]);
};

/**
 * A TLS client certificate for the org admin, for the agent's mutual TLS to the orderer admin endpoint, so that
 * the agent never holds the orderer's own TLS key. `orgadminpw` is the secret the local network registers the
 * admin with (test-network/src/fabric-ca.ts). Needs the org's CA running.
 */
function enrollAdminTls(fabric, org, ports) {
  const dir = join(org.root, PREPARED_FOLDERS.adminTls);
  const home = mkdtempSync(join(tmpdir(), 'opssc-ca-client-'));
  try {
    execFileSync(join(fabric.caBinDir, 'fabric-ca-client'), [
      'enroll', '-u', `https://orgadmin:orgadminpw@127.0.0.1:${ports.ca}`, '--enrollment.profile', 'tls',
      '--caname', `ca-${org.name.toLowerCase()}`, '--tls.certfiles', org.caCert, '-M', dir,
    ], { env: { ...process.env, FABRIC_CA_CLIENT_HOME: home }, stdio: 'pipe' });
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
  copyFileSync(only(join(dir, 'keystore')), join(dir, 'client.key'));
  copyFileSync(join(dir, 'signcerts', 'cert.pem'), join(dir, 'client.crt'));
  copyFileSync(only(join(dir, 'tlscacerts')), join(dir, 'ca.crt'));
  for (const sub of ['keystore', 'signcerts', 'tlscacerts', 'cacerts', 'user', 'IssuerPublicKey', 'IssuerRevocationPublicKey']) {
    rmSync(join(dir, sub), { recursive: true, force: true });
  }
}

/** The admin certificate and key under fixed names: Fabric CA names the key file after its SKI. */
function writeAdminIdentity(org) {
  const dir = join(org.root, PREPARED_FOLDERS.adminIdentity);
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(org.adminMsp, 'signcerts', 'cert.pem'), join(dir, 'cert.pem'));
  copyFileSync(only(join(org.adminMsp, 'keystore')), join(dir, 'key.pem'));
}

/**
 * The api-server's files, as `opssc keygen` makes them: `secrets/` is what the container mounts (key hashes and
 * the invitation HMAC secret); the plain API keys stay beside it, for the org's admins, and are never mounted.
 */
function writeApiServerFiles(generateApiKey, org) {
  const secrets = join(org.root, PREPARED_FOLDERS.apiServerSecrets);
  const dir = join(secrets, '..');
  mkdirSync(secrets, { recursive: true });
  const name = org.name.toLowerCase();
  const admin = generateApiKey(`${name}-admin`, 'admin');
  const viewer = generateApiKey(`${name}-viewer`, 'viewer');
  writeFileSync(join(dir, 'admin.key'), `${admin.key}\n`, { mode: 0o600 });
  writeFileSync(join(dir, 'viewer.key'), `${viewer.key}\n`, { mode: 0o600 });
  writeFileSync(join(secrets, 'api-keys.json'), JSON.stringify([admin.record, viewer.record], null, 2));
  writeFileSync(join(secrets, 'invitation-hmac.key'), randomBytes(32).toString('hex'), { mode: 0o600 });
  mkdirSync(join(org.root, PREPARED_FOLDERS.chaincodePackages), { recursive: true });
}

async function prepare() {
  const t = load();
  if (existsSync(join(RUN_DIR, 'network.json'))) {
    throw new Error(`${RUN_DIR} is already prepared; to start over run \`docker compose down -v\` and remove it`);
  }
  const state = await t.up({ orgs: ORGS, basePort: BASE_PORT, runDir: RUN_DIR, channels: [], log: (line) => console.log(line) });
  try {
    for (const o of state.orgs) {
      const org = t.orgLayout(RUN_DIR, o.name);
      enrollAdminTls(state.fabric, org, o.ports);
      writeAdminIdentity(org);
      writeApiServerFiles(t.generateApiKey, org);
    }
  } finally {
    // the containers take over from here: stop the native processes, keep their files
    await t.stopDaemons(t.pidDir(RUN_DIR));
  }
  for (const o of state.orgs) {
    const org = t.orgLayout(RUN_DIR, o.name);
    rmSync(org.peerData, { recursive: true, force: true });
    rmSync(org.ordererData, { recursive: true, force: true });
  }
  console.log(`\nidentities ready in ${RUN_DIR}/orgs; next:\n  OPSSC_UID=$(id -u) docker compose up -d --build\n  node docker/compose-bootstrap.cjs bootstrap`);
}

async function bootstrap() {
  const t = load();
  const state = t.readState(RUN_DIR);
  if (!state) throw new Error(`nothing prepared in ${RUN_DIR}; run \`node docker/compose-bootstrap.cjs prepare\` first`);
  await t.createChannel(state, t.OPS_CHANNEL);
  console.log(`${t.OPS_CHANNEL} created; every orderer and peer joined`);
  const pkg = await t.deployConsortiumOps(state);
  for (const o of state.orgs) {
    copyFileSync(pkg.file, join(t.orgLayout(RUN_DIR, o.name).root, PREPARED_FOLDERS.chaincodePackages, `${pkg.label}.tar.gz`));
  }
  console.log(`consortium_ops installed, approved by every org and committed (package ${pkg.packageId})`);
  const apiUrls = Object.fromEntries(state.orgs.map((o) => [o.mspId, `http://127.0.0.1:${o.ports.apiServer}`]));
  await t.initConsortium(state, apiUrls);
  console.log(`consortium initialised: ${state.orgs.map((o) => o.mspId).join(', ')} ACTIVE`);
  for (const o of state.orgs) {
    console.log(`${o.mspId}: API ${apiUrls[o.mspId]}, admin key in ${join(t.orgLayout(RUN_DIR, o.name).root, 'api-server', 'admin.key')}`);
  }
}

module.exports = { RUN_DIR, BASE_PORT, ORGS, PREPARED_FOLDERS };

if (require.main === module) {
  const commands = { prepare, bootstrap };
  const command = commands[process.argv[2]];
  if (!command) {
    console.error('usage: node docker/compose-bootstrap.cjs prepare|bootstrap');
    process.exit(2);
  }
  command().catch((err) => {
    console.error(`error: ${err.message}`);
    process.exit(1);
  });
}
