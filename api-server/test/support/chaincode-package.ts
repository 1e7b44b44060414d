import { tarGz } from '../../../test-network/src/tar-writer';

/** A Node chaincode package as `peer lifecycle chaincode package` lays it out: metadata.json and code.tar.gz. */
export function chaincodePackage(label: string, code = 'module.exports = {};'): Buffer {
  const source = tarGz([{ path: 'src/index.js', content: Buffer.from(code) }]);
  return tarGz([
    { path: 'metadata.json', content: Buffer.from(JSON.stringify({ path: '', type: 'node', label })) },
    { path: 'code.tar.gz', content: source },
  ]);
}
