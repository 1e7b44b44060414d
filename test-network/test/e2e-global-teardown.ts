import { down, processesUsing } from '../src/network';
import { E2E_RUN_DIR } from './support/test-network';

/** Stops every process of the shared e2e network and fails loudly if anything survived. */
export default async function globalTeardown(): Promise<void> {
  await down(E2E_RUN_DIR);
  const left = processesUsing(E2E_RUN_DIR);
  if (left.length > 0) throw new Error(`processes still running from ${E2E_RUN_DIR} after teardown: ${left.join(', ')}`);
}
