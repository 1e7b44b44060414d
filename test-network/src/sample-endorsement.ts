import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDecoder } from 'node:util';
import { connectGateway } from './gateway-connection';
import { OrgHandle } from './network-state';

const utf8 = new TextDecoder();

export interface Endorsed {
  transactionId: string;
  valid: boolean;
  blockNumber: bigint;
  readBack: string;
}

/**
 * Submits `Put` on the sample chaincode as the org's client through its own peer, with the org among the
 * endorsers, and reads the value back: the proof that a new org's peer runs the chaincode and endorses.
 */
export async function endorseSample(org: OrgHandle, channel: string, chaincode: string, alsoEndorsing: string[]): Promise<Endorsed> {
  const { gateway, client } = connectGateway(`127.0.0.1:${org.ports.peer}`, readFileSync(join(org.layout.peerTls, 'ca.crt')), { mspId: org.state.mspId, mspDir: org.layout.clientMsp });
  try {
    const contract = gateway.getNetwork(channel).getContract(chaincode);
    const key = `hello-${org.state.name}-${Date.now()}`;
    const submitted = await contract.submitAsync('Put', { arguments: [key, `${org.state.mspId} was here`], endorsingOrganizations: [org.state.mspId, ...alsoEndorsing] });
    const status = await submitted.getStatus();
    const readBack = utf8.decode(await contract.evaluateTransaction('Get', key));
    return { transactionId: submitted.getTransactionId(), valid: status.successful, blockNumber: status.blockNumber, readBack };
  } finally {
    gateway.close();
    client.close();
  }
}
