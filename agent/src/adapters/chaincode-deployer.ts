import { isAccessDenied, type ChaincodeLifecycle, type PeerAdmin } from '../fabric';
import type { ChaincodeDeployerPort, PackageSourcePort } from '../ports';
import { boundedDownload, MAX_PACKAGE_BYTES, type DownloadLimits } from './bounded-download';

/**
 * The deployer port on the org's own peer (install, and the queries of a channel's committed definitions,
 * their approvals and the installed packages) and gateway (`_lifecycle` approve, readiness, commit).
 */
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
    committedDefinitions: async (channelId) => {
      try {
        return await peer.queryCommitted(channelId);
      } catch (err) {
        if (isAccessDenied(err)) return undefined;
        throw err;
      }
    },
    committedApprovals: async (channelId, name) => (await peer.queryCommitted(channelId, name))?.approvals,
    installedPackageIds: async () => (await peer.queryInstalled()).map((installed) => installed.packageId),
  };
}

/**
 * Packages over HTTP, bounded by `limits` (by default the upload limit, 2 minutes and 3 redirects):
 * - from the proposer: `GET <apiUrl>/api/v1/proposals/<id>/package`, served for approved deployments only;
 * - from a proposal's `packageUrl`: that URL as it is on-chain.
 * Neither request carries a credential (see boundedDownload).
 */
export function httpPackageSource(limits: Partial<DownloadLimits> = {}): PackageSourcePort {
  const bounds: DownloadLimits = { maxBytes: MAX_PACKAGE_BYTES, timeoutMs: 120_000, maxRedirects: 3, ...limits };
  return {
    download: (apiUrl, proposalId) => boundedDownload(`${apiUrl.replace(/\/+$/, '')}/api/v1/proposals/${encodeURIComponent(proposalId)}/package`, bounds),
    downloadUrl: (url) => boundedDownload(url, bounds),
  };
}
