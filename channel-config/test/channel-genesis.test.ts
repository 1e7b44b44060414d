import { common } from '@hyperledger/fabric-protos';
import { createHash } from 'node:crypto';
import { type ChannelGenesisSpec, type GenesisHeader, buildChannelConfig, buildGenesisBlock, decodeConfigBlock } from '../src';
import type { ChannelProfile } from './support/configtx-profile';
import { decodeConsenters, decodeEndpoints } from './support/decode-values';
import { protoDecode } from './support/fabric-cli';
import { CHANNEL_ID, generateChannel, makeOrgs, memberSpecs, type Orgs } from './support/generated-channel';
import { ordererOf } from './support/hand-made-config';

// The parts of configtxlator's JSON rendering of a genesis block that these tests read.
interface BlockJson {
  header: { number: string; previous_hash: unknown; data_hash: string };
  data: { data: { payload: { header: { channel_header: Record<string, unknown>; signature_header: Record<string, unknown> }; data: { config: unknown } } }[] };
  metadata: unknown;
}

const MB = 1024 * 1024;
const FABRIC_DEFAULTS: Pick<ChannelGenesisSpec, 'batch' | 'policies'> = {
  batch: { timeout: '2s', maxMessageCount: 500, absoluteMaxBytes: 10 * MB, preferredMaxBytes: 2 * MB },
  policies: { admins: 'MAJORITY', endorsement: 'MAJORITY', lifecycleEndorsement: 'MAJORITY' },
};

function genesisSpec(members: ChannelProfile, overrides: Partial<ChannelGenesisSpec> = {}): ChannelGenesisSpec {
  return { channelId: CHANNEL_ID, applicationOrgs: members.applicationOrgs, ordererOrgs: members.ordererOrgs, ...FABRIC_DEFAULTS, ...overrides };
}

// The configtx.yaml profile stating the same channel, so that one spec drives both sides.
function profileOf(spec: ChannelGenesisSpec): ChannelProfile {
  const { timeout, ...batchSize } = spec.batch;
  return { applicationOrgs: spec.applicationOrgs, ordererOrgs: spec.ordererOrgs, batchTimeout: timeout, batchSize, policies: spec.policies };
}

function decodeBlock(block: Uint8Array): BlockJson {
  return protoDecode('common.Block', block) as BlockJson;
}

/** configtxgen's genesis block for the spec, as configtxlator renders it. */
function configtxgenBlockJson(spec: ChannelGenesisSpec): BlockJson {
  return decodeBlock(generateChannel(profileOf(spec)).block);
}

const configtxgenConfig = (spec: ChannelGenesisSpec) => configtxgenBlockJson(spec).data.data[0].payload.data.config;
const ourConfig = (spec: ChannelGenesisSpec) => protoDecode('common.Config', buildChannelConfig(spec).serializeBinary());
const sha256 = (...parts: Uint8Array[]) => parts.reduce((hash, part) => hash.update(part), createHash('sha256')).digest();

function envelopePayload(blockBytes: Uint8Array): common.Payload {
  const envelope = common.Envelope.deserializeBinary(common.Block.deserializeBinary(blockBytes).getData()!.getDataList_asU8()[0]);
  return common.Payload.deserializeBinary(envelope.getPayload_asU8());
}

let orgs: Orgs;

beforeAll(async () => {
  orgs = await makeOrgs();
});

describe('buildChannelConfig, compared with configtxgen for the same profile', () => {
  it('for two orgs, equals the config configtxgen generates', () => {
    const spec = genesisSpec(memberSpecs([orgs.org1, orgs.org2]));

    expect(ourConfig(spec)).toEqual(configtxgenConfig(spec));
  }, 60_000);

  it('for three orgs, one of them issuing from an intermediate CA, equals the config configtxgen generates', () => {
    const spec = genesisSpec(memberSpecs([orgs.org1, orgs.org2, orgs.org3]));

    expect(ourConfig(spec)).toEqual(configtxgenConfig(spec));
  }, 60_000);

  it('with admins ANY, endorsement ALL, lifecycle endorsement ANY and other batch values, equals the config configtxgen generates', () => {
    const spec = genesisSpec(memberSpecs([orgs.org1, orgs.org2, orgs.org3]), {
      policies: { admins: 'ANY', endorsement: 'ALL', lifecycleEndorsement: 'ANY' },
      batch: { timeout: '250ms', maxMessageCount: 42, absoluteMaxBytes: 98_765_432, preferredMaxBytes: 1_234_567 },
    });

    expect(ourConfig(spec)).toEqual(configtxgenConfig(spec));
  }, 60_000);

  it.each(['90s', '1500ms', '1h', '0.5m'])('writes batch timeout %p back as Go prints it, as configtxgen does', (timeout) => {
    const spec = genesisSpec(memberSpecs([orgs.org1]), { batch: { ...FABRIC_DEFAULTS.batch, timeout } });

    expect(ourConfig(spec)).toEqual(configtxgenConfig(spec));
  }, 60_000);

  it('lists orderers that are not consenters in their org Endpoints, but not among the Raft consenters', () => {
    const spec = genesisSpec(memberSpecs([orgs.org1, orgs.org2]), {
      ordererOrgs: [
        { msp: orgs.org1.msp, orderers: [ordererOf(orgs.org1, 7050), ordererOf(orgs.org1, 7150, false)] },
        { msp: orgs.org2.msp, orderers: [ordererOf(orgs.org2, 8050, false)] },
        { msp: orgs.org3.msp, orderers: [ordererOf(orgs.org3, 9050)] },
      ],
    });

    const config = buildChannelConfig(spec);

    expect(decodeConsenters(config).map((c) => c.endpoint)).toEqual(['127.0.0.1:7050', '127.0.0.1:9050']);
    const ordererGroup = config.getChannelGroup()!.getGroupsMap().get('Orderer') as common.ConfigGroup;
    expect(decodeEndpoints(ordererGroup.getGroupsMap().get('Org1MSP'))).toEqual(['127.0.0.1:7050', '127.0.0.1:7150']);
    expect(decodeEndpoints(ordererGroup.getGroupsMap().get('Org2MSP'))).toEqual(['127.0.0.1:8050']);
    expect(protoDecode('common.Config', config.serializeBinary())).toEqual(configtxgenConfig(spec));
  }, 60_000);
});

describe('buildGenesisBlock', () => {
  const header: GenesisHeader = { timestamp: new Date('2024-05-01T12:34:56Z'), nonce: sha256(Buffer.from('nonce one')).subarray(0, 24) };
  let spec: ChannelGenesisSpec;
  let block: Uint8Array;

  beforeAll(() => {
    spec = genesisSpec(memberSpecs([orgs.org1, orgs.org2]));
    block = buildGenesisBlock(spec, header);
  });

  it('decodes with configtxlator as a block carrying the config configtxgen generates', () => {
    const decoded = decodeBlock(block);

    expect(decoded.data.data[0].payload.data.config).toEqual(configtxgenConfig(spec));
  }, 60_000);

  it('decodes with decodeConfigBlock to the channel id, sequence 0 and the config of buildChannelConfig', () => {
    const decoded = decodeConfigBlock(block);

    expect([decoded.channelId, decoded.sequence]).toEqual([CHANNEL_ID, 0]);
    expect(Buffer.from(decoded.config.serializeBinary())).toEqual(Buffer.from(buildChannelConfig(spec).serializeBinary()));
  });

  it('is block 0 with no previous hash, one envelope, and the SHA-256 of that envelope as data hash', () => {
    const decoded = common.Block.deserializeBinary(block);

    const data = decoded.getData()!.getDataList_asU8();
    expect(data).toHaveLength(1);
    expect(decoded.getHeader()!.getNumber()).toBe(0);
    expect(decoded.getHeader()!.getPreviousHash_asU8()).toHaveLength(0);
    expect(Buffer.from(decoded.getHeader()!.getDataHash_asU8())).toEqual(sha256(data[0]));
  });

  it('takes the channel header timestamp from the header and the tx id from the nonce, with an empty creator', () => {
    const payload = envelopePayload(block);

    const channelHeader = common.ChannelHeader.deserializeBinary(payload.getHeader()!.getChannelHeader_asU8());
    const signatureHeader = common.SignatureHeader.deserializeBinary(payload.getHeader()!.getSignatureHeader_asU8());
    expect(channelHeader.getTimestamp().getSeconds()).toBe(header.timestamp.getTime() / 1000);
    expect(channelHeader.getTxId()).toBe(sha256(header.nonce).toString('hex'));
    expect(Buffer.from(signatureHeader.getNonce_asU8())).toEqual(Buffer.from(header.nonce));
    expect(signatureHeader.getCreator_asU8()).toHaveLength(0);
  });

  it('writes the timestamp in whole seconds, as configtxgen does', () => {
    const withMillis = buildGenesisBlock(spec, { ...header, timestamp: new Date(header.timestamp.getTime() + 999) });

    expect(Buffer.from(withMillis)).toEqual(Buffer.from(block));
  });

  it('gives byte-identical blocks for the same spec and header', () => {
    const again = buildGenesisBlock(genesisSpec(memberSpecs([orgs.org1, orgs.org2])), { timestamp: new Date(header.timestamp), nonce: Uint8Array.from(header.nonce) });

    expect(Buffer.from(again)).toEqual(Buffer.from(block));
  });

  it.each([
    ['nonce', { ...header, nonce: sha256(Buffer.from('nonce two')).subarray(0, 24) }],
    ['timestamp', { ...header, timestamp: new Date('2024-05-01T12:34:57Z') }],
  ])('gives different bytes for a different %s', (_, otherHeader) => {
    expect(Buffer.from(buildGenesisBlock(spec, otherHeader))).not.toEqual(Buffer.from(block));
  });

  it('lays out its header, envelope and metadata as configtxgen does, apart from timestamp, nonce and tx id', () => {
    // The data hash covers those three, so it differs too; its computation is checked above.
    const layout = (json: BlockJson) => {
      const copy = structuredClone(json);
      const { channel_header: channelHeader, signature_header: signatureHeader } = copy.data.data[0].payload.header;
      channelHeader.timestamp = channelHeader.tx_id = signatureHeader.nonce = copy.header.data_hash = 'differs';
      return copy;
    };

    expect(layout(decodeBlock(block))).toEqual(layout(configtxgenBlockJson(spec)));
  }, 60_000);

  it("given configtxgen's own timestamp and nonce, decodes exactly as configtxgen's block, tx id included", () => {
    const fromFabric = decodeBlock(generateChannel(profileOf(spec)).block);
    const { channel_header: channelHeader, signature_header: signatureHeader } = fromFabric.data.data[0].payload.header;

    const ours = decodeBlock(buildGenesisBlock(spec, { timestamp: new Date(channelHeader.timestamp as string), nonce: Buffer.from(signatureHeader.nonce as string, 'base64') }));

    // Only the data hash differs: Go writes map entries in random order, so the envelope bytes differ while
    // decoding the same (configtxgen's bytes do not even repeat from one run to the next).
    expect({ ...ours, header: { ...ours.header, data_hash: 'differs' } }).toEqual({ ...fromFabric, header: { ...fromFabric.header, data_hash: 'differs' } });
  }, 60_000);
});

describe('refused specs', () => {
  const header: GenesisHeader = { timestamp: new Date('2024-05-01T12:34:56Z'), nonce: new Uint8Array(24) };
  const valid = () => genesisSpec(memberSpecs([orgs.org1, orgs.org2]));
  const refusal = (reason: string) => expect.objectContaining({ name: 'ConfigError', reason });

  it('when there is no application org, it is refused with NO_APPLICATION_ORGS', () => {
    expect(() => buildChannelConfig({ ...valid(), applicationOrgs: [] })).toThrow(refusal('NO_APPLICATION_ORGS'));
  });

  it('when no orderer is marked as a consenter, it is refused with NO_CONSENTERS', () => {
    const ordererOrgs = [orgs.org1, orgs.org2].map((org, i) => ({ msp: org.msp, orderers: [ordererOf(org, 7050 + i * 1000, false)] }));

    expect(() => buildChannelConfig({ ...valid(), ordererOrgs })).toThrow(refusal('NO_CONSENTERS'));
  });

  it('when there is no orderer org, it is refused with NO_CONSENTERS', () => {
    expect(() => buildChannelConfig({ ...valid(), ordererOrgs: [] })).toThrow(refusal('NO_CONSENTERS'));
  });

  it('when an MSP ID is listed twice among the application orgs, it is refused with DUPLICATE_MSP_ID', () => {
    const spec = valid();

    expect(() => buildChannelConfig({ ...spec, applicationOrgs: [...spec.applicationOrgs, spec.applicationOrgs[0]] })).toThrow(refusal('DUPLICATE_MSP_ID'));
  });

  it('when an MSP ID is listed twice among the orderer orgs, it is refused with DUPLICATE_MSP_ID', () => {
    const spec = valid();
    const again = { msp: orgs.org1.msp, orderers: [ordererOf(orgs.org1, 9050)] };

    expect(() => buildChannelConfig({ ...spec, ordererOrgs: [...spec.ordererOrgs, again] })).toThrow(refusal('DUPLICATE_MSP_ID'));
  });

  it('when two consenters share a host and port, it is refused with CONSENTER_EXISTS', () => {
    const ordererOrgs = [orgs.org1, orgs.org2].map((org) => ({ msp: org.msp, orderers: [ordererOf(org, 7050)] }));

    expect(() => buildChannelConfig({ ...valid(), ordererOrgs })).toThrow(refusal('CONSENTER_EXISTS'));
  });

  it.each([
    ['empty', ''],
    ['upper case', 'Ops-channel'],
    ['led by a digit', '1channel'],
    ['with an underscore', 'ops_channel'],
    ['led by a hyphen', '-ops'],
    ['250 characters long', 'a'.repeat(250)],
  ])('when the channel id is %s, it is refused with INVALID_CHANNEL_ID', (_, channelId) => {
    expect(() => buildChannelConfig({ ...valid(), channelId })).toThrow(refusal('INVALID_CHANNEL_ID'));
  });

  it('accepts a channel id of 249 characters, the longest Fabric accepts', () => {
    const channelId = `a${'b.-9'.repeat(62)}`;

    expect(decodeConfigBlock(buildGenesisBlock({ ...valid(), channelId }, header)).channelId).toBe(channelId);
  });

  it('when preferredMaxBytes exceeds absoluteMaxBytes, it is refused with INVALID_VALUE', () => {
    const batch = { ...FABRIC_DEFAULTS.batch, absoluteMaxBytes: MB, preferredMaxBytes: MB + 1 };

    expect(() => buildChannelConfig({ ...valid(), batch })).toThrow(refusal('INVALID_VALUE'));
  });

  it.each([0, -1, 1.5, 2 ** 32])('when maxMessageCount is %p, it is refused with INVALID_VALUE', (maxMessageCount) => {
    expect(() => buildChannelConfig({ ...valid(), batch: { ...FABRIC_DEFAULTS.batch, maxMessageCount } })).toThrow(refusal('INVALID_VALUE'));
  });

  it.each(['', '2', 'fast', '2 s', '-1s', '0s', '9999999999h'])('when the batch timeout is %p, it is refused with INVALID_VALUE', (timeout) => {
    expect(() => buildChannelConfig({ ...valid(), batch: { ...FABRIC_DEFAULTS.batch, timeout } })).toThrow(refusal('INVALID_VALUE'));
  });

  it('when a policy rule is not ANY, ALL or MAJORITY, it is refused with INVALID_VALUE', () => {
    const policies = { ...FABRIC_DEFAULTS.policies, endorsement: 'SOME' } as unknown as ChannelGenesisSpec['policies'];

    expect(() => buildChannelConfig({ ...valid(), policies })).toThrow(refusal('INVALID_VALUE'));
  });

  it('buildGenesisBlock refuses a bad spec the same way', () => {
    expect(() => buildGenesisBlock({ ...valid(), applicationOrgs: [] }, header)).toThrow(refusal('NO_APPLICATION_ORGS'));
  });

  it('when the header timestamp is not a valid date, it is refused with INVALID_VALUE', () => {
    expect(() => buildGenesisBlock(valid(), { ...header, timestamp: new Date('not a date') })).toThrow(refusal('INVALID_VALUE'));
  });
});
