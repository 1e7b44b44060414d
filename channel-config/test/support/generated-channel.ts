import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ChannelConfig, decodeConfigBlock } from '../../src';
import { makeTestOrg, type TestOrg, type TestOrgOptions } from '../../../core/test/support/cert-tree';
import { type ChannelProfile, writeConfigtx } from './configtx-profile';
import { configtxgenBlock } from './fabric-cli';
import { ordererOf } from './hand-made-config';

export const CHANNEL_ID = 'ops-channel';

/** Test orgs by name; Org3 is the joining org, with an intermediate CA, an explicit admin and a CRL. */
export interface Orgs {
  org1: TestOrg;
  org2: TestOrg;
  org3: TestOrg;
}

export async function makeOrgs(): Promise<Orgs> {
  const org3Options: TestOrgOptions = { withIntermediate: true, explicitAdmins: true, crl: 'empty' };
  const [org1, org2, org3] = await Promise.all([makeTestOrg('Org1MSP'), makeTestOrg('Org2MSP'), makeTestOrg('Org3MSP', org3Options)]);
  return { org1, org2, org3 };
}

/** Org `i` of a channel (0-based) has anchor peer 127.0.0.1:7051+1000i and consenting orderer :7050+1000i. */
export function memberSpecs(orgs: readonly TestOrg[], firstIndex = 0): ChannelProfile {
  return {
    applicationOrgs: orgs.map((org, i) => ({ msp: org.msp, anchorPeers: [{ host: '127.0.0.1', port: 7051 + (firstIndex + i) * 1000 }] })),
    ordererOrgs: orgs.map((org, i) => ({ msp: org.msp, orderers: [ordererOf(org, 7050 + (firstIndex + i) * 1000)] })),
  };
}

/** Generates the genesis block of `profile` with the real configtxgen and decodes it with the library. */
export function generateChannel(profile: ChannelProfile): ChannelConfig & { block: Uint8Array } {
  const dir = mkdtempSync(join(tmpdir(), 'opssc-configtx-'));
  try {
    const block = configtxgenBlock(writeConfigtx(dir, profile), CHANNEL_ID);
    return { ...decodeConfigBlock(block), block };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
