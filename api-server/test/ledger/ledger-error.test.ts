import { OpsError } from '@opssc/core';
import { classifyLedgerError, findErrorCode } from '../../src/ledger/ledger-error';

describe('ledger error classification', () => {
  it('finds a code after a gRPC prefix that is not a code', () => {
    const error = findErrorCode('2 UNKNOWN: evaluate call to endorser returned error: chaincode response 500, MEMBER_NOT_FOUND: no member Org9MSP');
    expect(error).toMatchObject({ code: 'MEMBER_NOT_FOUND', detail: 'no member Org9MSP' });
  });

  it('returns nothing when no known code appears', () => {
    expect(findErrorCode('14 UNAVAILABLE: connection refused')).toBeUndefined();
  });

  it('classifies timeouts and unavailability as transient', () => {
    expect(classifyLedgerError(Object.assign(new Error('x'), { code: 4 })).kind).toBe('transient');
    expect(classifyLedgerError(Object.assign(new Error('x'), { code: 14 })).kind).toBe('transient');
  });

  it('classifies an orderer that has not joined the channel yet, and discovery still converging, as transient', () => {
    const notJoined = Object.assign(new Error('10 ABORTED: failed to submit'), { code: 10, details: [{ message: 'received unsuccessful response from orderer: status=BAD_REQUEST, info=orderer system channel is not defined' }] });
    expect(classifyLedgerError(notJoined).kind).toBe('transient');
    const discovery = Object.assign(new Error('9 FAILED_PRECONDITION: no combination of peers can be derived which satisfy the endorsement policy'), { code: 9 });
    expect(classifyLedgerError(discovery).kind).toBe('transient');
  });

  it('classifies an OpsError and a coded message as business errors', () => {
    expect(classifyLedgerError(new OpsError('NOT_PROPOSER', 'x'))).toMatchObject({ kind: 'business' });
    expect(classifyLedgerError(new Error('PROPOSAL_NOT_OPEN: p-1 is APPROVED'))).toMatchObject({ kind: 'business' });
  });

  it('classifies anything else as unknown', () => {
    expect(classifyLedgerError(new TypeError('undefined is not a function')).kind).toBe('unknown');
    expect(classifyLedgerError(undefined).kind).toBe('unknown');
  });
});
