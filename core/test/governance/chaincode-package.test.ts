import { compositeKey, Keys, MAX_PACKAGE_URL_CHARS, parseChaincodePackageInput, parsePackageUrl, parseSequence, samePackageRecord } from '../../src';

const SHA = 'c0ffee'.padEnd(64, '0');
const input = { channel: 'mychannel', name: 'sample', version: '1.0', sequence: 3, packageId: `sample_1.0:${SHA}`, sha256: SHA, label: 'sample_1.0' };

describe('chaincode package records', () => {
  test('when a record is well formed, it is read as given', () => {
    expect(parseChaincodePackageInput({ ...input })).toEqual(input);
  });

  test('when the package id is not exactly label:sha256, it is refused with INVALID_ARGUMENT', () => {
    expect(() => parseChaincodePackageInput({ ...input, packageId: `sample_1.1:${SHA}` })).toThrow(/^INVALID_ARGUMENT: record\.packageId must be <label>:<sha256>/);
  });

  test('when a field is missing, it is refused with INVALID_ARGUMENT naming the field', () => {
    const { label: _label, ...rest } = input;
    expect(() => parseChaincodePackageInput(rest)).toThrow(/^INVALID_ARGUMENT: record\.label/);
  });

  test('when sequences are keyed, 9 sorts before 10', () => {
    expect(compositeKey(Keys.chaincodePackage('mychannel', 'sample', 9)) < compositeKey(Keys.chaincodePackage('mychannel', 'sample', 10))).toBe(true);
  });

  test('when a channel is listed, its partial key does not match a channel whose name it prefixes', () => {
    expect(compositeKey(Keys.chaincodePackage('ops-channel', 'x', 1)).startsWith(compositeKey(Keys.chaincodePackagesOn('ops')))).toBe(false);
  });

  test('when a sequence argument has a sign, a leading zero or too many digits, it is refused', () => {
    for (const bad of ['-1', '01', '0', '1000000000', '1.5', '']) expect(() => parseSequence(bad)).toThrow(/^INVALID_ARGUMENT/);
    expect(parseSequence('12')).toBe(12);
  });

  test('when two records differ only in who recorded them, they are the same record', () => {
    expect(samePackageRecord({ ...input, recordedBy: 'Org1MSP' } as typeof input, input)).toBe(true);
    expect(samePackageRecord({ ...input, version: '1.1' }, input)).toBe(false);
  });

  test('when a record also says where its package is fetched from, it is still the same record as the bare input', () => {
    const sourced = { ...input, proposalId: 'p-0123456789abcdef', packageUrl: 'https://packages.example.com/sample_1.0.tar.gz' };
    expect(samePackageRecord(sourced, input)).toBe(true);
  });
});

describe('package URLs', () => {
  test.each([
    'https://packages.example.com/basic_1.0.tar.gz',
    'http://127.0.0.1:8080/pkg?version=1.0&sig=a%2Fb',
    'HTTPS://[::1]:443/basic.tar.gz',
    'https://example.com/users/@me/basic.tar.gz',
  ])('when the URL is %s, it is accepted as given', (url) => {
    expect(parsePackageUrl(url)).toBe(url);
  });

  test('when the URL is exactly 2048 characters, it is accepted; at 2049 it is refused with INVALID_ARGUMENT', () => {
    const base = 'https://example.com/';
    expect(parsePackageUrl(base + 'a'.repeat(MAX_PACKAGE_URL_CHARS - base.length))).toHaveLength(2048);
    expect(() => parsePackageUrl(base + 'a'.repeat(MAX_PACKAGE_URL_CHARS - base.length + 1), 'payload.packageUrl')).toThrow(/^INVALID_ARGUMENT: payload\.packageUrl must be a URL of 1 to 2048 characters/);
  });

  test.each([
    ['ftp://example.com/basic.tar.gz', /must be an http: or https: URL/],
    ['file:///etc/passwd', /must be an http: or https: URL/],
    ['javascript:alert(1)', /must be an http: or https: URL/],
    ['//example.com/basic.tar.gz', /must be an http: or https: URL/],
    ['https://admin:s3cret@example.com/basic.tar.gz', /must carry no user name or password/],
    ['https://token@example.com/basic.tar.gz', /must carry no user name or password/],
    ['https://example.com/basic.tar.gz#sha', /must have no fragment/],
    ['https://example.com/basic 1.0.tar.gz', /must be printable ASCII/],
    ['https://example.com\\@evil.example/basic.tar.gz', /must be printable ASCII/],
    ['https://exämple.com/basic.tar.gz', /must be printable ASCII/],
    ['https://example.com/%zz', /must be printable ASCII/],
    ['https:///basic.tar.gz', /must name a host/],
    ['https://-bad-.example.com/basic.tar.gz', /must name a host/],
    ['https://example.com:0/basic.tar.gz', /port that is not 1 to 65535/],
    ['https://example.com:65536/basic.tar.gz', /port that is not 1 to 65535/],
    ['https://example.com:/basic.tar.gz', /port that is not 1 to 65535/],
    ['', /must be a URL of 1 to 2048 characters/],
  ])('when the URL is %j, it is refused with INVALID_ARGUMENT naming the path', (url, why) => {
    expect(() => parsePackageUrl(url, 'payload.packageUrl')).toThrow(/^INVALID_ARGUMENT: payload\.packageUrl /);
    expect(() => parsePackageUrl(url, 'payload.packageUrl')).toThrow(why);
  });

  test('when the URL is not a string, it is refused with INVALID_ARGUMENT', () => {
    expect(() => parsePackageUrl({ href: 'https://example.com/' }, 'payload.packageUrl')).toThrow(/^INVALID_ARGUMENT: payload\.packageUrl/);
  });
});
