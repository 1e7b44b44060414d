import { OpsError } from '@opssc/core';
import type { Metrics } from '../observability/metrics';
import { classifyLedgerError } from './ledger-error';
import type { LedgerPort } from './ledger-port';

/**
 * Wraps a ledger port so that every error reaching the services is an OpsError when it carries a
 * code (whatever the adapter threw), and every submit outcome is counted.
 */
export function observedLedger(inner: LedgerPort, metrics: Metrics): LedgerPort {
  const normalize = (err: unknown): unknown => {
    const kind = classifyLedgerError(err);
    if (kind.kind === 'business' || kind.kind === 'lagging') {
      return kind.error;
    }
    return kind.kind === 'transient' ? new OpsError('UPSTREAM_UNAVAILABLE', 'the peer is unavailable or did not answer in time') : err;
  };
  return {
    async submit(txName, args) {
      try {
        const result = await inner.submit(txName, args);
        metrics.ledgerSubmits.inc({ tx: txName, outcome: 'committed' });
        return result;
      } catch (err) {
        const normalized = normalize(err);
        metrics.ledgerSubmits.inc({ tx: txName, outcome: normalized instanceof OpsError ? normalized.code : 'INTERNAL' });
        throw normalized;
      }
    },
    async evaluate(txName, args) {
      try {
        return await inner.evaluate(txName, args);
      } catch (err) {
        throw normalize(err);
      }
    },
    events: (from) => inner.events(from),
    ping: () => inner.ping(),
  };
}
