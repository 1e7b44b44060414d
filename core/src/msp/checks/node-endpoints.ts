import { checkFrom } from '../check-result';
import type { JoinRequest, PeerEndpoint, ValidationCheck } from '../types';

// A DNS name or IPv4 address, or a bare IPv6 address; no scheme, no port, no path.
const HOST_PATTERN = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
const IPV6_PATTERN = /^[0-9A-Fa-f:.]{2,45}$/;

function endpointKey(e: PeerEndpoint): string {
  return `${e.host.toLowerCase()}:${e.port}`;
}

function endpointProblem(field: string, e: PeerEndpoint): string | undefined {
  const hostOk = e.host.length <= 253 && (HOST_PATTERN.test(e.host) || (e.host.includes(':') && IPV6_PATTERN.test(e.host)));
  if (!hostOk) return `${field}: host "${e.host.slice(0, 80)}" is not a host name or IP address`;
  if (!Number.isInteger(e.port) || e.port < 1 || e.port > 65535) return `${field}: port ${e.port} is not 1-65535`;
  return undefined;
}

/**
 * `node-endpoints`: every peer and orderer endpoint is a plain host and a port in range, no endpoint is
 * listed twice, and every anchor peer is one of the org's peers (anchors are published to other orgs,
 * so they must be nodes this org actually runs).
 */
export function checkNodeEndpoints(req: JoinRequest): ValidationCheck {
  const { peers, anchorPeers, orderers } = req.nodes;
  const problems: string[] = [];
  const lists = [['nodes.peers', peers], ['nodes.anchorPeers', anchorPeers], ['nodes.orderers', orderers]] as const;
  for (const [name, list] of lists) {
    list.forEach((e, i) => {
      const p = endpointProblem(`${name}[${i}]`, e);
      if (p) problems.push(p);
    });
  }
  const nodeKeys = [...peers, ...orderers].map(endpointKey);
  if (new Set(nodeKeys).size !== nodeKeys.length) problems.push('an endpoint is listed twice among peers and orderers');
  const peerKeys = new Set(peers.map(endpointKey));
  anchorPeers.forEach((a, i) => {
    if (!peerKeys.has(endpointKey(a))) problems.push(`nodes.anchorPeers[${i}]: not one of nodes.peers`);
  });
  return checkFrom('node-endpoints', problems);
}
