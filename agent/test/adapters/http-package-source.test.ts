import type { ServerResponse } from 'node:http';
import { endlessBody, startScriptedHost as startHost, type ScriptedHost } from '../../../core/test/support/scripted-host';
import { httpPackageSource } from '../../src/adapters/chaincode-deployer';

const PACKAGE = Buffer.from('a chaincode package');
const LIMITS = { maxBytes: 1024, timeoutMs: 500, maxRedirects: 2 };

describe('the HTTP package source', () => {
  let host: ScriptedHost;
  afterEach(async () => host.close());

  it('when a package is downloaded by URL, the request carries no Authorization header and the bytes are returned', async () => {
    host = await startHost({ '/basic.tar.gz': (res) => res.end(PACKAGE) });

    const bytes = await httpPackageSource(LIMITS).downloadUrl(`${host.url}/basic.tar.gz`);

    expect(Buffer.from(bytes)).toEqual(PACKAGE);
    expect(host.requests).toHaveLength(1);
    expect(host.requests[0].headers.authorization).toBeUndefined();
    expect(host.requests[0].headers.cookie).toBeUndefined();
  });

  it("when a package is downloaded from the proposer, it is GET <apiUrl>/api/v1/proposals/<id>/package, as before", async () => {
    host = await startHost({ '/api/v1/proposals/p-0123456789abcdef/package': (res) => res.end(PACKAGE) });

    const bytes = await httpPackageSource(LIMITS).download(`${host.url}/`, 'p-0123456789abcdef');

    expect(Buffer.from(bytes)).toEqual(PACKAGE);
    expect(host.requests.map((r) => r.path)).toEqual(['/api/v1/proposals/p-0123456789abcdef/package']);
  });

  it('when the URL answers 404, the download fails with the status', async () => {
    host = await startHost({});

    await expect(httpPackageSource(LIMITS).downloadUrl(`${host.url}/gone.tar.gz`)).rejects.toThrow(/HTTP 404/);
  });

  it('when the URL streams more than the size limit, the download fails and reading stops', async () => {
    const body = endlessBody();
    host = await startHost({ '/huge.tar.gz': body.route });

    await expect(httpPackageSource({ ...LIMITS, timeoutMs: 5_000 }).downloadUrl(`${host.url}/huge.tar.gz`)).rejects.toThrow(/larger than 1024 bytes/);
    expect(body.sent()).toBeLessThan(64 * 1024);
  });

  it('when the URL announces a length over the limit, the download fails before the body is read', async () => {
    host = await startHost({ '/huge.tar.gz': (res) => res.writeHead(200, { 'content-length': '4096' }).end(Buffer.alloc(4096)) });

    await expect(httpPackageSource(LIMITS).downloadUrl(`${host.url}/huge.tar.gz`)).rejects.toThrow(/larger than 1024 bytes/);
  });

  it('when the host does not answer in time, the download fails with the timeout', async () => {
    host = await startHost({ '/stall.tar.gz': () => undefined });

    await expect(httpPackageSource(LIMITS).downloadUrl(`${host.url}/stall.tar.gz`)).rejects.toThrow(/no complete answer within 500 ms/);
  });

  it('when the URL redirects, at most the redirect limit is followed, and the followed request carries no Authorization header either', async () => {
    const hop = (to: string) => (res: ServerResponse) => res.writeHead(302, { location: to }).end();
    host = await startHost({ '/a': hop('/b'), '/b': hop('/pkg'), '/pkg': (res) => res.end(PACKAGE), '/x': hop('/y'), '/y': hop('/z'), '/z': hop('/pkg') });

    const followed = await httpPackageSource(LIMITS).downloadUrl(`${host.url}/a`);
    const tooMany = httpPackageSource(LIMITS).downloadUrl(`${host.url}/x`);

    expect(Buffer.from(followed)).toEqual(PACKAGE);
    await expect(tooMany).rejects.toThrow(/more than 2 redirects/);
    expect(host.requests.every((r) => r.headers.authorization === undefined)).toBe(true);
  });
});
