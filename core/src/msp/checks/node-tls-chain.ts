import { isIP } from 'node:net';
import { checkFrom } from '../check-result';
import type { ParsedCert } from '../parsed-cert';
import type { JoinRequest, ValidationCheck } from '../types';
import { x509 } from '../x509-runtime';
import type { CheckInput } from './check-input';

function coversHost(cert: ParsedCert, host: string): boolean {
  // Fabric clients dial host:port and verify the name, so the server certificate must name the host.
  return isIP(host) ? cert.node.checkIP(host) !== undefined : cert.node.checkHost(host) !== undefined;
}

/**
 * `node-tls-chain`: each orderer's server and client TLS certificates are non-CA certificates that
 * chain to a TLS root of the MSP (Raft authenticates consenters by exactly these certificates), and
 * the server certificate names the orderer's host.
 */
export function checkNodeTlsChain({ parsed, chains }: CheckInput, req: JoinRequest): ValidationCheck {
  const byField = new Map(parsed.nodeTls.map((c) => [c.field, c]));
  const problems: string[] = [];
  req.nodes.orderers.forEach((o, i) => {
    for (const kind of ['serverTlsCert', 'clientTlsCert'] as const) {
      const field = `nodes.orderers[${i}].${kind}`;
      const cert = byField.get(field);
      if (!cert) {
        problems.push(`${field}: did not parse`);
        continue;
      }
      if (cert.cert.getExtension(x509.BasicConstraintsExtension)?.ca) problems.push(`${field}: is a CA certificate`);
      if (!chains.chainToRoot(cert, parsed.tlsIntermediates, parsed.tlsRoots)) problems.push(`${field}: does not chain to a TLS root of the MSP`);
      if (kind === 'serverTlsCert' && !coversHost(cert, o.host)) problems.push(`${field}: does not name host ${o.host}`);
    }
  });
  return checkFrom('node-tls-chain', problems, `orderers: ${req.nodes.orderers.length}`);
}
