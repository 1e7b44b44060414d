// fabric-shim and fabric-contract-api log every decorator and every failed transaction through winston,
// at a level read from this variable when each logger is created, so it is set before they load.
// An explicit setting (for debugging) is kept.
process.env.CORE_CHAINCODE_LOGGING_LEVEL ??= 'CRITICAL';

export {};
