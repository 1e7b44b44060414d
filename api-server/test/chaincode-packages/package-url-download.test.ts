import type { ServerResponse } from 'node:http';
import { endlessBody, startScriptedHost as startHost, type ScriptedHost } from '../../../core/test/support/scripted-host';
import { downloadPackageUrl } from '../../src/features/chaincode-packages/package-url-download';

const LIMITS = { maxBytes: 1024, timeoutMs: 300, maxRedirects: 2 };

describe('package downloads by URL', () => {
  let host: ScriptedHost;
  afterEach(async () => host.close());

  it('when a body without a Content-Length grows past the limit, reading stops with PACKAGE_TOO_LARGE', async () => {
    const body = endlessBody();
    host = await startHost({ '/stream': body.route });

    await expect(downloadPackageUrl(`${host.url}/stream`, { ...LIMITS, timeoutMs: 5_000 })).rejects.toThrow(/^PACKAGE_TOO_LARGE: /);
    expect(body.sent()).toBeLessThan(64 * 1024);
  });

  it('when a body is exactly at the limit, it is returned whole', async () => {
    host = await startHost({ '/exact': (res) => res.end(Buffer.alloc(LIMITS.maxBytes, 7)) });

    expect(await downloadPackageUrl(`${host.url}/exact`, LIMITS)).toEqual(Buffer.alloc(LIMITS.maxBytes, 7));
  });

  it('when the host does not answer in time, it is refused with PACKAGE_DOWNLOAD_FAILED', async () => {
    host = await startHost({ '/stall': () => undefined });

    await expect(downloadPackageUrl(`${host.url}/stall`, LIMITS)).rejects.toThrow(/^PACKAGE_DOWNLOAD_FAILED: .*within 300 ms/);
  });

  it('when a redirect chain is longer than the limit, it is refused with PACKAGE_DOWNLOAD_FAILED', async () => {
    const hop = (to: string) => (res: ServerResponse) => res.writeHead(302, { location: to }).end();
    host = await startHost({ '/a': hop('/b'), '/b': hop('/c'), '/c': hop('/d'), '/d': (res) => res.end('package') });

    await expect(downloadPackageUrl(`${host.url}/a`, LIMITS)).rejects.toThrow(/^PACKAGE_DOWNLOAD_FAILED: .*more than 2 redirects/);
    expect(host.requests.map((r) => r.path)).toEqual(['/a', '/b', '/c']);
  });

  it('when a redirect leads to a non-http URL, it is refused with PACKAGE_DOWNLOAD_FAILED', async () => {
    host = await startHost({ '/a': (res) => res.writeHead(301, { location: 'file:///etc/passwd' }).end() });

    await expect(downloadPackageUrl(`${host.url}/a`, LIMITS)).rejects.toThrow(/^PACKAGE_DOWNLOAD_FAILED: .*a redirect to a file: URL/);
  });
});
