import { join } from 'node:path';
import { OrgHandle } from './network-state';

/** What a joining org's agent is given on its first launch: one member's api-server URL and its invitation token. */
export function bootstrapEnv(org: OrgHandle, apiUrl: string, token: string, proposalId?: string): NodeJS.ProcessEnv {
  return {
    OPSSC_BOOTSTRAP_API_URL: apiUrl,
    OPSSC_BOOTSTRAP_TOKEN: token,
    OPSSC_BOOTSTRAP_STATE_FILE: join(org.layout.root, 'agent', 'bootstrap.json'),
    ...(proposalId ? { OPSSC_BOOTSTRAP_PROPOSAL_ID: proposalId } : {}),
  };
}
