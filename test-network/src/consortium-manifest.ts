import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ApiServerHandle } from './api-server-process';
import { NetworkState } from './network-state';
import { repoRoot } from './run-layout';

/** `.opssc/consortium.json`: what `npm start` brought up, for people and for `npm run demo`. */
export interface ConsortiumManifest {
  orgs: { mspId: string; apiUrl: string; adminKeyFile: string; viewerKeyFile: string; peer: string; orderer: string }[];
  channels: string[];
  runDir: string;
  basePort: number;
}

export const MANIFEST_FILE = join(repoRoot, '.opssc', 'consortium.json');

export function writeManifest(state: NetworkState, servers: ApiServerHandle[], file = MANIFEST_FILE): ConsortiumManifest {
  const manifest: ConsortiumManifest = {
    orgs: state.orgs.map((o) => {
      const server = servers.find((s) => s.mspId === o.mspId);
      if (!server) throw new Error(`no api-server for ${o.mspId}`);
      return {
        mspId: o.mspId,
        apiUrl: server.url,
        adminKeyFile: server.files.adminKeyFile,
        viewerKeyFile: server.files.viewerKeyFile,
        peer: `127.0.0.1:${o.ports.peer}`,
        orderer: `127.0.0.1:${o.ports.orderer}`,
      };
    }),
    channels: state.channels,
    runDir: state.runDir,
    basePort: state.basePort,
  };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(manifest, null, 2));
  return manifest;
}
