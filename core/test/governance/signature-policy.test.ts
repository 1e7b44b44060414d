import { OpsError, parseSignaturePolicy } from '../../src';

describe('the signature policy language', () => {
  test("when OR('Org1MSP.peer','Org2MSP.peer') is parsed, it is 1 of two principals in order", () => {
    expect(parseSignaturePolicy("OR('Org1MSP.peer', 'Org2MSP.peer')")).toEqual({
      identities: [{ mspId: 'Org1MSP', role: 'peer' }, { mspId: 'Org2MSP', role: 'peer' }],
      rule: { nOutOf: { n: 1, rules: [{ signedBy: 0 }, { signedBy: 1 }] } },
    });
  });

  test('when AND and OutOf are nested, AND needs every rule and OutOf its count', () => {
    const parsed = parseSignaturePolicy("OutOf(2, 'A.member', AND('B.admin', 'C.client'), 'D.orderer')");
    expect(parsed.rule).toEqual({ nOutOf: { n: 2, rules: [{ signedBy: 0 }, { nOutOf: { n: 2, rules: [{ signedBy: 1 }, { signedBy: 2 }] } }, { signedBy: 3 }] } });
  });

  test.each([
    ["OR('Org1MSP.peer'"],
    ["OR('Org1MSP.king')"],
    ["OutOf(3, 'A.peer', 'B.peer')"],
    ["OR('A.peer') trailing"],
    [''],
  ])('when %j is parsed, it is refused with INVALID_ARGUMENT', (text) => {
    expect(() => parseSignaturePolicy(text)).toThrow(OpsError);
    expect(() => parseSignaturePolicy(text)).toThrow(/^INVALID_ARGUMENT/);
  });
});
