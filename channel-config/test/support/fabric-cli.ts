import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fabricBin } from './fabric-bins';
import { PROFILE_NAME } from './configtx-profile';

function run(binary: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  try {
    execFileSync(binary, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
  } catch (err) {
    const stderr = (err as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`${binary} ${args.join(' ')} failed: ${stderr || (err as Error).message}`);
  }
}

function withTempDir<T>(body: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'opssc-fabric-cli-'));
  try {
    return body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `configtxgen -outputBlock` for the profile written by `writeConfigtx` into `configDir`. */
export function configtxgenBlock(configDir: string, channelId: string): Uint8Array {
  return withTempDir((dir) => {
    const out = join(dir, 'genesis.pb');
    run(fabricBin('configtxgen'), ['-configPath', configDir, '-profile', PROFILE_NAME, '-channelID', channelId, '-outputBlock', out], {
      ...process.env,
      FABRIC_LOGGING_SPEC: 'error',
    });
    return new Uint8Array(readFileSync(out));
  });
}

/** `configtxlator compute_update`: the ConfigUpdate bytes Fabric computes between two Config encodings. */
export function configtxlatorComputeUpdate(channelId: string, original: Uint8Array, updated: Uint8Array): Uint8Array {
  return withTempDir((dir) => {
    writeFileSync(join(dir, 'original.pb'), original);
    writeFileSync(join(dir, 'updated.pb'), updated);
    const out = join(dir, 'update.pb');
    run(fabricBin('configtxlator'), ['compute_update', '--channel_id', channelId, '--original', join(dir, 'original.pb'), '--updated', join(dir, 'updated.pb'), '--output', out]);
    return new Uint8Array(readFileSync(out));
  });
}

/** `configtxlator proto_decode --type <type>`: Fabric's JSON rendering of a message, nested payloads decoded. */
export function protoDecode(type: string, bytes: Uint8Array): unknown {
  return withTempDir((dir) => {
    writeFileSync(join(dir, 'in.pb'), bytes);
    const out = join(dir, 'out.json');
    run(fabricBin('configtxlator'), ['proto_decode', '--type', type, '--input', join(dir, 'in.pb'), '--output', out]);
    return JSON.parse(readFileSync(out, 'utf8'));
  });
}
