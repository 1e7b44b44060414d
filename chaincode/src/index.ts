import { ConsortiumContract } from './consortium-contract';

export { ConsortiumContract } from './consortium-contract';
export { defaultMspValidators, type MspValidators } from './msp-validators';

/** fabric-chaincode-node loads `main` and registers every contract class listed here. */
export const contracts = [ConsortiumContract];
