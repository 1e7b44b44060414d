import { chaincodePackage } from '../support/chaincode-package';
import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { startScriptedHost, type ScriptedHost } from '../../../core/test/support/scripted-host';
import { parseProposalPayload } from '@opssc/core';
import { MAX_PACKAGE_BYTES } from '../../src/features/chaincode-packages/package-files';
import { errorOf, jsonOf } from '../support/http';
import { FakeClock } from '../support/fake-clock';
import { FakeLedger } from '../support/fake-ledger';
import { startTestServer, type TestServer } from '../support/test-server';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');


const PACKAGE = chaincodePackage('basic_1.0');

const send = (bytes: Buffer) => (res: ServerResponse) => res.writeHead(200, { 'content-type': 'application/gzip', 'content-length': bytes.length }).end(bytes);

describe('DEPLOY_CHAINCODE proposals with the package given by URL', () => {
  let ledger: FakeLedger;
  let org1: TestServer;
  let host: ScriptedHost;
  beforeEach(async () => {
    const clock = new FakeClock();
    ledger = new FakeLedger(clock);
    org1 = await startTestServer({ orgMspId: 'Org1MSP', ledger, clock });
    host = await startScriptedHost({
      '/basic_1.0.tar.gz': send(PACKAGE),
      '/tampered.tar.gz': send(chaincodePackage('basic_1.0', '// not what was meant')),
      '/readme.txt': send(Buffer.from('not a package')),
      '/moved': (res) => res.writeHead(302, { location: '/basic_1.0.tar.gz' }).end(),
      // the announced length is over the upload limit: the server must refuse without reading on
      '/huge.tar.gz': (res) => {
        res.writeHead(200, { 'content-length': String(MAX_PACKAGE_BYTES + 1) });
        res.write(Buffer.alloc(64 * 1024));
      },
    });
  });
  afterEach(async () => {
    await Promise.all([org1.close(), host.close()]);
  });

  const propose = (payload: object) =>
    org1.call('POST', '/api/v1/proposals', { auth: org1.keys.admin, body: { type: 'DEPLOY_CHAINCODE', payload: { channel: 'mychannel', name: 'basic', version: '1.0', ...payload } } });

  it('when the URL serves a chaincode package, the on-chain payload carries the URL, its sha256, its label and <label>:<sha256>', async () => {
    const packageUrl = `${host.url}/basic_1.0.tar.gz`;

    const response = await propose({ packageUrl });

    expect(response.status).toBe(201);
    const { id } = await jsonOf<{ id: string }>(response);
    const written = ledger.state.proposal(id).payload;
    expect(written).toEqual({ channel: 'mychannel', name: 'basic', version: '1.0', sequence: 1, packageUrl, packageId: `basic_1.0:${sha256(PACKAGE)}`, sha256: sha256(PACKAGE), label: 'basic_1.0' });
    // the chaincode's own parser accepts what was written
    expect(parseProposalPayload('DEPLOY_CHAINCODE', written)).toEqual(written);
  });

  it('when the URL is fetched, it is fetched once and without this org\'s credential', async () => {
    await propose({ packageUrl: `${host.url}/basic_1.0.tar.gz` });

    expect(host.requests).toHaveLength(1);
    expect(host.requests[0].headers.authorization).toBeUndefined();
  });

  it('when the caller gives the sha256 the URL serves, the proposal is created', async () => {
    const response = await propose({ packageUrl: `${host.url}/basic_1.0.tar.gz`, sha256: sha256(PACKAGE) });

    expect(response.status).toBe(201);
  });

  it('when the URL serves other bytes than the sha256 the caller gave, it is refused with 422 PACKAGE_HASH_MISMATCH and nothing is written', async () => {
    const response = await propose({ packageUrl: `${host.url}/tampered.tar.gz`, sha256: sha256(PACKAGE) });

    expect(response.status).toBe(422);
    expect(await errorOf(response)).toMatchObject({ code: 'PACKAGE_HASH_MISMATCH', message: expect.stringContaining(sha256(PACKAGE)) });
    expect(ledger.state.proposals.size).toBe(0);
  });

  it('when the URL answers 404, it is refused with 422 PACKAGE_DOWNLOAD_FAILED naming the status, and nothing is written', async () => {
    const response = await propose({ packageUrl: `${host.url}/gone.tar.gz` });

    expect(response.status).toBe(422);
    expect(await errorOf(response)).toMatchObject({ code: 'PACKAGE_DOWNLOAD_FAILED', message: expect.stringContaining('HTTP 404') });
    expect(ledger.state.proposals.size).toBe(0);
  });

  it('when nothing listens at the URL, it is refused with 422 PACKAGE_DOWNLOAD_FAILED and nothing is written', async () => {
    const closed = host.url;
    await host.close();

    const response = await propose({ packageUrl: `${closed}/basic_1.0.tar.gz` });

    expect(response.status).toBe(422);
    expect((await errorOf(response)).code).toBe('PACKAGE_DOWNLOAD_FAILED');
    expect(ledger.state.proposals.size).toBe(0);
  });

  it('when the URL announces a package over the upload limit, it is refused with 422 PACKAGE_TOO_LARGE and nothing is written', async () => {
    const response = await propose({ packageUrl: `${host.url}/huge.tar.gz` });

    expect(response.status).toBe(422);
    expect((await errorOf(response)).code).toBe('PACKAGE_TOO_LARGE');
    expect(ledger.state.proposals.size).toBe(0);
  });

  it('when the URL serves something that is not a chaincode package, it is refused with 400 INVALID_ARGUMENT at payload.packageUrl', async () => {
    const response = await propose({ packageUrl: `${host.url}/readme.txt` });

    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/payload\.packageUrl: not a chaincode package/) });
    expect(ledger.state.proposals.size).toBe(0);
  });

  it('when the URL redirects, the redirect is followed and the payload keeps the URL that was given', async () => {
    const packageUrl = `${host.url}/moved`;

    const { id } = await jsonOf<{ id: string }>(await propose({ packageUrl }));

    expect(ledger.state.proposal(id).payload).toMatchObject({ packageUrl, sha256: sha256(PACKAGE) });
  });

  it.each([
    ['a user and password', (url: string) => url.replace('http://', 'http://ci:hunter2@')],
    ['a fragment', (url: string) => `${url}#latest`],
    ['an ftp: scheme', (url: string) => url.replace('http://', 'ftp://')],
  ])('when the URL has %s, it is refused with 400 INVALID_ARGUMENT before anything is fetched', async (_what, spoil) => {
    const response = await propose({ packageUrl: spoil(`${host.url}/basic_1.0.tar.gz`) });

    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('payload.packageUrl') });
    expect(host.requests).toHaveLength(0);
  });

  it.each([
    ['both packageId and packageUrl', () => ({ packageId: `basic_1.0:${sha256(PACKAGE)}`, packageUrl: `${host.url}/basic_1.0.tar.gz` })],
    ['neither packageId nor packageUrl', () => ({})],
  ])('when the payload has %s, it is refused with 400 INVALID_ARGUMENT', async (_what, fields) => {
    const response = await propose(fields());

    expect(response.status).toBe(400);
    expect((await errorOf(response)).code).toBe('INVALID_ARGUMENT');
    expect(host.requests).toHaveLength(0);
  });
});
