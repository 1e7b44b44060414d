import { sign } from 'node:crypto';
import {
  addApplicationOrg,
  buildConfigUpdateEnvelope,
  buildConfigUpdateTransaction,
  computeConfigUpdate,
  computeTxId,
  newSignatureHeader,
  serializeConfigUpdate,
  serializeIdentity,
  signConfigUpdate,
  type Signer,
} from '../src';
import type { TestOrg } from '../../core/test/support/cert-tree';
import { protoDecode } from './support/fabric-cli';
import { CHANNEL_ID, generateChannel, makeOrgs, memberSpecs, type Orgs } from './support/generated-channel';

type Json = { [key: string]: Json };

// Fabric's own decoder must read the transaction the library builds, down to the nested update.
describe('config update transaction decoded by configtxlator', () => {
  let orgs: Orgs;
  let decoded: Json;
  const signerOf = (org: TestOrg): Signer => async (message) => sign('sha256', message, org.adminKey);
  const nonce = Uint8Array.from({ length: 24 }, (_, i) => 24 - i);

  beforeAll(async () => {
    orgs = await makeOrgs();
    const genesis = generateChannel(memberSpecs([orgs.org1, orgs.org2])).config;
    const updateBytes = serializeConfigUpdate(computeConfigUpdate(CHANNEL_ID, genesis, addApplicationOrg(genesis, { msp: orgs.org3.msp, anchorPeers: [] })));
    const signatures = await Promise.all(
      [orgs.org1, orgs.org2].map((org) => signConfigUpdate(updateBytes, newSignatureHeader(serializeIdentity(org.mspId, org.adminCertPem), nonce), signerOf(org))),
    );
    const envelope = await buildConfigUpdateTransaction({
      channelId: CHANNEL_ID,
      configUpdateEnvelope: buildConfigUpdateEnvelope(updateBytes, signatures),
      signatureHeader: newSignatureHeader(serializeIdentity('Org1MSP', orgs.org1.adminCertPem), nonce),
      timestamp: new Date('2025-03-04T05:06:07.089Z'),
      sign: signerOf(orgs.org1),
    });
    decoded = protoDecode('common.Envelope', envelope.serializeBinary()) as Json;
  }, 60_000);

  it('has a CONFIG_UPDATE channel header with the channel, timestamp and tx id', () => {
    const channelHeader = decoded.payload.header.channel_header;

    expect(channelHeader).toMatchObject({ type: 2, channel_id: CHANNEL_ID, epoch: '0', timestamp: '2025-03-04T05:06:07.089Z' });
    expect(channelHeader.tx_id).toBe(computeTxId(nonce, serializeIdentity('Org1MSP', orgs.org1.adminCertPem)));
  });

  it('names the submitter as creator', () => {
    expect(decoded.payload.header.signature_header.creator).toMatchObject({ mspid: 'Org1MSP' });
  });

  it('carries the update with one signature per org', () => {
    const data = decoded.payload.data;

    expect(data.config_update.channel_id).toBe(CHANNEL_ID);
    expect(Object.keys(data.config_update.write_set.groups.Application.groups)).toContain('Org3MSP');
    expect((data.signatures as unknown as Json[]).map((s) => s.signature_header.creator.mspid)).toEqual(['Org1MSP', 'Org2MSP']);
  });
});
