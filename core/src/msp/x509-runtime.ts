import * as x509 from '@peculiar/x509';
import { webcrypto } from 'node:crypto';

// @peculiar/x509 loads `reflect-metadata` itself (its tsyringe container needs it) and then needs a
// WebCrypto implementation for key import and CRL signature checks. Node's is built in, deterministic
// and available in the chaincode runtime, so it is registered once here; every module in this folder
// imports x509 through this file so the provider is always set before first use.
// The DOM `Crypto` type is not in this project's lib, so name it through the provider's own signature.
type WebCrypto = ReturnType<typeof x509.cryptoProvider.get>;
x509.cryptoProvider.set(webcrypto as unknown as WebCrypto);

export { x509 };
