import { canonicalJson } from '@opssc/core';
import type { Clock, RandomSource } from '../../deps';
import { newInvitationToken, tokenHmac } from '../../auth/invitation-token';
import type { LedgerPort } from '../../ledger/ledger-port';
import { publicInvitation, readPage } from '../../ledger/records';

/** The one-time answer to an issued invitation. */
export interface IssuedInvitation {
  invitationId: string;
  token: string;
  apiUrl: string;
  expiresAt: string;
}

/** Issues, lists and revokes this org's invitations. */
export class InvitationsService {
  constructor(
    private readonly ledger: LedgerPort,
    private readonly deps: { clock: Clock; random: RandomSource; hmacKey: Buffer; publicUrl: string },
  ) {}

  /**
   * Issues an invitation for `mspId`. The token is generated here and returned once; only its HMAC
   * goes on-chain, so the ledger (shared by every replica) is the durable store and never holds the token.
   */
  async issue(mspId: string, expiresInSeconds: number): Promise<IssuedInvitation> {
    const { invitationId, token } = newInvitationToken(this.deps.random);
    const expiresAt = new Date(this.deps.clock.now().getTime() + expiresInSeconds * 1000).toISOString();
    const record = { invitationId, mspId, expiresAt, tokenHmac: tokenHmac(this.deps.hmacKey, token) };
    await this.ledger.submit('IssueInvitation', [canonicalJson(record)]);
    return { invitationId, token, apiUrl: this.deps.publicUrl, expiresAt };
  }

  /** This org's invitations, without any secret-derived field. */
  async list(): Promise<unknown[]> {
    return readPage(await this.ledger.evaluate('ListInvitations', [])).items.map(publicInvitation);
  }

  /** Revokes an invitation so its token no longer works anywhere. */
  async revoke(invitationId: string): Promise<unknown> {
    return publicInvitation((await this.ledger.submit('RevokeInvitation', [invitationId])).result);
  }
}
