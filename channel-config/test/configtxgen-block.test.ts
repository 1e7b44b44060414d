import { decodeConfigBlock } from '../src';
import { protoDecode } from './support/fabric-cli';
import { CHANNEL_ID, generateChannel, makeOrgs, memberSpecs } from './support/generated-channel';

// The path to the config inside configtxlator's JSON rendering of a config block.
type BlockJson = { data: { data: { payload: { data: { config: unknown } } }[] } };

describe('decodeConfigBlock on a configtxgen genesis block', () => {
  it('reads the channel id, sequence 0 and the config configtxlator finds in the block', async () => {
    const orgs = await makeOrgs();
    const { block } = generateChannel(memberSpecs([orgs.org1, orgs.org2]));

    const decoded = decodeConfigBlock(block);

    expect([decoded.channelId, decoded.sequence]).toEqual([CHANNEL_ID, 0]);
    const fromFabric = protoDecode('common.Block', block) as BlockJson;
    expect(protoDecode('common.Config', decoded.config.serializeBinary())).toEqual(fromFabric.data.data[0].payload.data.config);
  }, 60_000);
});
