import type { Request } from 'express';

/** The credential of an `Authorization: Bearer <credential>` header, if there is one. */
export function bearerCredential(req: Request): string | undefined {
  const header = req.get('authorization');
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match ? match[1] : undefined;
}

/** Invitation tokens have a recognisable prefix, so they can be refused where they do not belong. */
export function looksLikeInvitationToken(credential: string): boolean {
  return credential.startsWith('inv_');
}
