import type { ChaincodeLifecycle, PeerAdmin } from '../fabric';
import type { ChaincodeDeployerPort, PackageSourcePort } from '../ports';

/** The deployer port on the org's own peer (install) and gateway (`_lifecycle` approve, readiness, commit). */
export function peerChaincodeDeployer(peer: PeerAdmin, lifecycle: ChaincodeLifecycle): ChaincodeDeployerPort {
  return {
    install: async (bytes) => {
      const installed = await peer.installChaincode(bytes);
      return { packageId: installed.packageId, alreadyInstalled: installed.alreadyInstalled };
    },
    approve: async (definition, packageId) => {
      const result = await lifecycle.approve(definition, packageId);
      return { status: result.status, ...(result.blockNumber !== undefined ? { blockNumber: result.blockNumber } : {}) };
    },
    checkCommitReadiness: (definition) => lifecycle.checkCommitReadiness(definition),
    commit: async (definition) => {
      const result = await lifecycle.commit(definition);
      return { status: result.status, ...(result.blockNumber !== undefined ? { blockNumber: result.blockNumber } : {}) };
    },
    committedSequence: async (channelId, name) => (await lifecycle.queryCommitted(channelId, name))?.sequence,
  };
}

/** Packages over HTTP: `GET <apiUrl>/api/v1/proposals/<id>/package`, served for approved deployments only. */
export function httpPackageSource(timeoutMs = 120_000): PackageSourcePort {
  return {
    async download(apiUrl, proposalId) {
      const url = `${apiUrl.replace(/\/+$/, '')}/api/v1/proposals/${encodeURIComponent(proposalId)}/package`;
      const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
      if (!response.ok) {
        throw new Error(`GET ${url}: HTTP ${response.status} ${(await response.text()).slice(0, 300)}`);
      }
      return new Uint8Array(await response.arrayBuffer());
    },
  };
}
