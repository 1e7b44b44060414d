import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { common } from '@hyperledger/fabric-protos';
import { buildSignedEnvelope, type SigningIdentity } from '../../../src/fabric';

const run = promisify(execFile);

/** A channel config as configtxlator's JSON shows it; only the parts the tests touch are typed. */
export interface ConfigJson {
  channel_group: {
    groups: Record<string, { groups: Record<string, { policies: Record<string, { policy: { value: unknown } }> }> }>;
  };
}

/**
 * Computes a config update with Fabric's own configtxlator (the test oracle), from a config block and an
 * edit of its JSON, and returns the ConfigUpdate bytes.
 */
export async function computeConfigUpdate(binDir: string, channelId: string, configBlock: Uint8Array, edit: (config: ConfigJson) => void): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), 'agent-config-update-'));
  const tool = (...args: string[]) => run(join(binDir, 'configtxlator'), args);
  try {
    writeFileSync(join(dir, 'block.pb'), configBlock);
    await tool('proto_decode', '--input', join(dir, 'block.pb'), '--type', 'common.Block', '--output', join(dir, 'block.json'));
    const config = JSON.parse(readFileSync(join(dir, 'block.json'), 'utf8')).data.data[0].payload.data.config as ConfigJson;
    writeFileSync(join(dir, 'original.json'), JSON.stringify(config));
    edit(config);
    writeFileSync(join(dir, 'updated.json'), JSON.stringify(config));
    await tool('proto_encode', '--input', join(dir, 'original.json'), '--type', 'common.Config', '--output', join(dir, 'original.pb'));
    await tool('proto_encode', '--input', join(dir, 'updated.json'), '--type', 'common.Config', '--output', join(dir, 'updated.pb'));
    await tool('compute_update', '--channel_id', channelId, '--original', join(dir, 'original.pb'), '--updated', join(dir, 'updated.pb'), '--output', join(dir, 'update.pb'));
    return readFileSync(join(dir, 'update.pb'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A CONFIG_UPDATE envelope carrying the update signed by each signer, submitted by the first. */
export async function configUpdateEnvelope(channelId: string, update: Uint8Array, signers: SigningIdentity[]): Promise<common.Envelope> {
  const signatures = await Promise.all(
    signers.map(async (signer) => {
      // Fabric verifies each signature over signature_header || config_update.
      const header = signer.newSignatureHeader().serializeBinary();
      const signature = new common.ConfigSignature();
      signature.setSignatureHeader(header);
      signature.setSignature(await signer.sign(Buffer.concat([header, update])));
      return signature;
    }),
  );
  const updateEnvelope = new common.ConfigUpdateEnvelope();
  updateEnvelope.setConfigUpdate(update);
  updateEnvelope.setSignaturesList(signatures);
  return buildSignedEnvelope(signers[0], { type: common.HeaderType.CONFIG_UPDATE, channelId, data: updateEnvelope.serializeBinary() });
}

/**
 * The edit the tests make: the org's own Endorsement policy also accepts its admins. It needs only that org's
 * admin signature (the policy's mod_policy is the org's Admins) and changes nothing the tests rely on.
 */
export function widenEndorsementPolicy(mspId: string): (config: ConfigJson) => void {
  return (config) => {
    const policy = config.channel_group.groups.Application.groups[mspId].policies.Endorsement.policy.value as {
      identities: { principal: { msp_identifier: string; role: string }; principal_classification: string }[];
      rule: { n_out_of: { n: number; rules: { signed_by: number }[] } };
    };
    policy.identities.push({ principal: { msp_identifier: mspId, role: 'ADMIN' }, principal_classification: 'ROLE' });
    policy.rule.n_out_of.rules.push({ signed_by: policy.identities.length - 1 });
  };
}
