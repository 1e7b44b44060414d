import { compositeKey, Keys, parseChaincodePackageInput, parseSequence, samePackageRecord } from '../../src';

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
});
