#!/usr/bin/env node
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, createLogger, LedgerPort, loadConfig } from '@opssc/api-server';
import * as x509 from '@peculiar/x509';
import { webcrypto } from 'node:crypto';

async function selfSignedCaPem(): Promise<string> {
  x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);
  const keys = await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01', name: 'CN=ca.bench.example.com,O=Bench', notBefore: new Date('2026-01-01'), notAfter: new Date('2036-01-01'),
    keys: keys as unknown as x509.X509CertificateCreateSelfSignedParams['keys'], signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
    extensions: [new x509.BasicConstraintsExtension(true, undefined, true), new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true)],
  });
  return cert.toString('pem');
}

/**
 * `npm run bench:api`: requests per second and latency percentiles of `GET /api/v1/members` (full and summary views) with 1,000 members,
 * through the real app (auth, routing, serialization, security headers, metrics) on 127.0.0.1. The ledger port
 * answers from memory, so the figures are the api-server's own cost, not the peer's. Prints figures; asserts nothing.
 */
async function main(): Promise<void> {
  const members = Number(process.env.BENCH_MEMBERS ?? 1000);
  const requests = Number(process.env.BENCH_REQUESTS ?? 2000);
  const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);
  const work = mkdtempSync(join(tmpdir(), 'api-bench-'));
  const key = `osk_${randomBytes(32).toString('base64url')}`;
  writeFileSync(join(work, 'keys.json'), JSON.stringify([{ id: 'bench', role: 'viewer', sha256: createHash('sha256').update(key).digest('hex') }]));
  writeFileSync(join(work, 'hmac.key'), randomBytes(32).toString('hex'));
  writeFileSync(join(work, 'any.pem'), 'unused');
  const config = loadConfig({
    OPSSC_ORG_MSP_ID: 'Org1MSP', OPSSC_PUBLIC_URL: 'http://127.0.0.1', OPSSC_API_KEYS_FILE: join(work, 'keys.json'),
    OPSSC_INVITATION_HMAC_KEY_FILE: join(work, 'hmac.key'), OPSSC_PEER_ENDPOINT: '127.0.0.1:1', OPSSC_PEER_TLS_CA_FILE: join(work, 'any.pem'),
    OPSSC_IDENTITY_CERT_FILE: join(work, 'any.pem'), OPSSC_IDENTITY_KEY_FILE: join(work, 'any.pem'), OPSSC_LOG_LEVEL: 'error',
  });
  // A realistic member record: a real CA certificate in each MSP, as the chaincode stores it.
  const msp = { mspId: 'OrgXMSP', rootCerts: [await selfSignedCaPem()], intermediateCerts: [], tlsRootCerts: [await selfSignedCaPem()], tlsIntermediateCerts: [], admins: [], nodeOUs: { enable: true, clientOUIdentifier: 'client', peerOUIdentifier: 'peer', adminOUIdentifier: 'admin', ordererOUIdentifier: 'orderer' }, revocationList: [] };
  const records = Array.from({ length: members }, (_, i) => ({
    mspId: `Org${i}MSP`, status: 'ACTIVE', founding: false, createdAt: '2026-01-01T00:00:00.000Z', channels: ['ops-channel'],
    metadata: { organizationName: `Org ${i}`, apiUrl: `https://api.org${i}.example.com` }, msp: { ...msp, mspId: `Org${i}MSP` },
  }));
  const ledger: LedgerPort = {
    submit: async () => { throw new Error('not used'); },
    evaluate: async (name: string) => (name === 'ListMembers' ? { items: records } : undefined),
    events: async () => { throw new Error('not used'); },
    ping: async () => undefined,
  } as unknown as LedgerPort;
  const app = createApp(config, {
    ledger,
    configBlocks: { latestConfigBlock: async () => { throw new Error('not used'); } },
    clock: { now: () => new Date() },
    logger: createLogger('error'),
    random: { bytes: (n: number) => randomBytes(n) },
  } as never);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/members`;
  for (const [view, url] of [['full', base], ['summary', `${base}?view=summary`]]) {
    const { bytes, perSecond, p } = await measure(url, key, requests, concurrency);
    console.log(`GET /api/v1/members (${view} view), ${members} members (${(bytes / 1024).toFixed(0)} KiB per response), ${requests} requests, concurrency ${concurrency}:`);
    console.log(`  ${perSecond.toFixed(0)} requests/s, p50 ${p(0.5)} ms, p95 ${p(0.95)} ms, p99 ${p(0.99)} ms`);
  }
  server.close();
}

/** `requests` GETs of `url`, `concurrency` at a time, after a warm-up: throughput and latency percentiles. */
async function measure(url: string, key: string, requests: number, concurrency: number) {
  const latencies: number[] = [];
  let bytes = 0;
  const one = async () => {
    const started = process.hrtime.bigint();
    const res = await fetch(url, { headers: { authorization: `Bearer ${key}` } });
    bytes = (await res.arrayBuffer()).byteLength;
    if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
    latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
  };
  for (let i = 0; i < 50; i++) await one(); // warm-up
  latencies.length = 0;
  let next = 0;
  const started = Date.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next++ < requests) await one();
  }));
  const seconds = (Date.now() - started) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  const p = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)].toFixed(1);
  return { bytes, perSecond: requests / seconds, p };
}

main().catch((err: Error) => {
  console.error(`error: ${err.message}`);
  process.exit(1);
});
