import { ChainBuilder } from './cert-chain';
import { JOIN_REQUEST_CHECK_NAMES } from './check-names';
import { checkChannelNames } from './checks/channel-names';
import { checkInputSize } from './checks/input-size';
import { checkNodeEndpoints } from './checks/node-endpoints';
import { checkNodeTlsChain } from './checks/node-tls-chain';
import { checkProofSignature, checkProofSignerAdmin } from './checks/proof';
import { checkMspStructure, checkRequestStructure } from './checks/structure';
import { mspCheckRunners } from './msp-check-runners';
import { parseCrls } from './parsed-crls';
import { identityCas, parseMsp } from './parsed-msp';
import { runGuarded, skipAfterGate, toReport } from './run-checks';
import type { JoinRequest, ValidationReport } from './types';
import type { MspValidationContext } from './validation-context';

/**
 * Validates a signed join request deterministically (DESIGN.md section 6): every MSP check, plus the
 * channel names, node endpoints, orderer TLS certificates and the proof of possession. The same
 * `req` and `ctx` give a byte-identical report (under canonicalJson) on every peer. Never throws on
 * bad input; every problem is a failed check and `ok` is true only when all pass.
 */
export async function validateJoinRequest(req: JoinRequest, ctx: MspValidationContext): Promise<ValidationReport> {
  const request = checkRequestStructure(req);
  const structure = checkMspStructure((req as Partial<JoinRequest> | null)?.msp);
  const shapeOk = request.ok && structure.ok;
  const gates = shapeOk ? [request, structure, checkInputSize(req.msp, req)] : [request, structure];
  const skipped = skipAfterGate(gates, JOIN_REQUEST_CHECK_NAMES);
  if (skipped) return toReport(skipped, JOIN_REQUEST_CHECK_NAMES, ctx.now);

  const { msp } = req;
  const nodeTls = req.nodes.orderers.flatMap((o, i) => [
    { field: `nodes.orderers[${i}].serverTlsCert`, pem: o.serverTlsCert },
    { field: `nodes.orderers[${i}].clientTlsCert`, pem: o.clientTlsCert },
  ]);
  const parsed = parseMsp(msp, { signerCert: req.proof.signerCert, nodeTls });
  const crls = await parseCrls(msp.revocationList, identityCas(parsed));
  const input = { msp, parsed, chains: new ChainBuilder(), ctx };
  const checks = await runGuarded([
    ...mspCheckRunners(input, crls),
    ['channel-names', () => checkChannelNames(req)],
    ['node-endpoints', () => checkNodeEndpoints(req)],
    ['node-tls-chain', () => checkNodeTlsChain(input, req)],
    ['proof-signature', () => checkProofSignature(input, req)],
    ['proof-signer-admin', () => checkProofSignerAdmin(input)],
  ]);
  return toReport([...gates, ...checks], JOIN_REQUEST_CHECK_NAMES, ctx.now);
}
