import './quiet-fabric-logs';
import { JSONSerializer, type Contract } from 'fabric-contract-api';
import type { FakeStub } from './fake-stub';

/** fabric-shim's internal router from `contract:Function` + string arguments to a contract method. */
interface ChaincodeFromContractInstance {
  Invoke(stub: FakeStub): Promise<{ status: number; message?: string; payload?: Uint8Array }>;
  metadata: { contracts: Record<string, { transactions: { name: string; tag?: string[]; parameters?: { name: string }[] }[] }> };
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const ChaincodeFromContract = require('fabric-shim/lib/contract-spi/chaincodefromcontract') as new (
  contracts: (new () => Contract)[],
  serializers: unknown,
  metadata: unknown,
  title: string,
  version: string,
) => ChaincodeFromContractInstance;

/** A chaincode response, as the peer gets it. */
export interface ChaincodeResponse {
  status: number;
  message: string;
  payload: string;
}

/**
 * Routes invocations through fabric-chaincode-node's own contract dispatcher, exactly as on a peer:
 * metadata from the decorators, argument count checks, a real ClientIdentity built from the creator's
 * certificate, errors turned into `shim.error(message)`.
 */
export class ContractDispatcher {
  private readonly chaincode: ChaincodeFromContractInstance;

  constructor(contracts: (new () => Contract)[]) {
    this.chaincode = new ChaincodeFromContract(
      [...contracts],
      { transaction: 'jsonSerializer', serializers: { jsonSerializer: JSONSerializer } },
      {},
      'consortium_ops',
      '0.1.0',
    );
  }

  /** Invokes the function named by the stub's first argument. */
  async invoke(stub: FakeStub): Promise<ChaincodeResponse> {
    const response = await this.chaincode.Invoke(stub);
    return {
      status: response.status,
      message: response.message ?? '',
      payload: response.payload ? Buffer.from(response.payload).toString('utf8') : '',
    };
  }

  /** The transactions of `contractName` as the dispatcher registered them. */
  transactions(contractName: string): { name: string; tag?: string[]; parameters?: { name: string }[] }[] {
    return this.chaincode.metadata.contracts[contractName]?.transactions ?? [];
  }
}
