import { BootstrapError, chaincodeErrorCode, isRetryable } from './bootstrap-error';
import type { MemberNetwork } from './bootstrap-ports';

/**
 * Evaluates a consortium_ops query on a member's peer and parses its JSON. A refusal that carries no
 * chaincode code (e.g. access denied while that peer has not yet committed the config block that added
 * this org) is waited out: it is the member's peer lagging, not a decision.
 */
export async function evaluateJson<T>(net: MemberNetwork, transaction: string, ...args: string[]): Promise<T> {
  let text: string;
  try {
    text = await net.evaluate(transaction, ...args);
  } catch (err) {
    if (chaincodeErrorCode(err) === undefined && !isRetryable(err)) {
      throw new BootstrapError('MEMBER_PEER_REFUSED', `${transaction}: ${(err as Error)?.message ?? String(err)}`, true);
    }
    throw err;
  }
  return JSON.parse(text) as T;
}
