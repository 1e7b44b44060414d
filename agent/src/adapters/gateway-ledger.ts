import { StatusCode, type Contract, type SubmittedTransaction, type Transaction } from '@hyperledger/fabric-gateway';
import { fromGatewayError } from '../fabric';
import type { EndorsedTransaction, LedgerPort } from '../ports';

const utf8 = new TextDecoder();
const CODE_NAMES = new Map<number, string>(Object.entries(StatusCode).map(([name, code]) => [code as number, name]));

function endorsed(tx: Transaction, what: string): EndorsedTransaction {
  let submitted: SubmittedTransaction | undefined;
  return {
    transactionId: tx.getTransactionId(),
    result: utf8.decode(tx.getResult()),
    async submit() {
      try {
        // resubmitting sends the same signed transaction again: it cannot commit twice
        submitted = await tx.submit();
      } catch (err) {
        throw fromGatewayError(err, `${what} submit`);
      }
    },
    async status() {
      if (!submitted) await this.submit();
      try {
        const status = await (submitted as SubmittedTransaction).getStatus();
        return CODE_NAMES.get(status.code) ?? String(status.code);
      } catch (err) {
        throw fromGatewayError(err, `${what} commit status`);
      }
    },
  };
}

/**
 * The ledger port over fabric-gateway. Errors become agent/src/fabric's FabricAdminError: transport
 * failures are `retryable`, and a chaincode refusal keeps the chaincode's `CODE: detail` in its message.
 */
export function gatewayLedger(contract: Contract): LedgerPort {
  const name = contract.getChaincodeName();
  return {
    async evaluate(transaction, ...args) {
      try {
        return utf8.decode(await contract.evaluateTransaction(transaction, ...args));
      } catch (err) {
        throw fromGatewayError(err, `${name} ${transaction}`);
      }
    },
    async endorse(transaction, ...args) {
      try {
        const tx = await contract.newProposal(transaction, { arguments: args }).endorse();
        return endorsed(tx, `${name} ${transaction}`);
      } catch (err) {
        throw fromGatewayError(err, `${name} ${transaction}`);
      }
    },
  };
}
