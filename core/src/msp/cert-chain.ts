import { LIMITS } from './limits';
import type { ParsedCert } from './parsed-cert';

/**
 * Signature-verified chain building. A candidate issuer must have the child's issuer name as its
 * subject AND its key must verify the child's signature; names alone prove nothing.
 * Results are cached per (child, issuer) pair so that a validation run does each signature check at
 * most once, which bounds the work a hostile request can cause.
 */
export class ChainBuilder {
  private readonly verified = new Map<string, boolean>();

  /** Whether `parent` issued `child`: names match and `parent`'s key verifies `child`'s signature. */
  issuedBy(child: ParsedCert, parent: ParsedCert): boolean {
    if (child.node.issuer !== parent.node.subject) {
      return false;
    }
    const key = `${child.fingerprint}>${parent.fingerprint}`;
    let ok = this.verified.get(key);
    if (ok === undefined) {
      try {
        ok = child.node.verify(parent.node.publicKey);
      } catch {
        // OpenSSL throws on a key/signature algorithm mismatch; that is simply "not the issuer"
        ok = false;
      }
      this.verified.set(key, ok);
    }
    return ok;
  }

  /** The first certificate in `candidates` (list order, so deterministic) that issued `child`. */
  findIssuer(child: ParsedCert, candidates: ParsedCert[]): ParsedCert | undefined {
    return candidates.find((c) => c.fingerprint !== child.fingerprint && this.issuedBy(child, c));
  }

  /**
   * The shortest path `[leaf, ..., root]` from `leaf` to one of `roots` through `intermediates`, or
   * undefined. Breadth-first with one visited set, so the cost is bounded by the number of
   * certificates, never by the number of paths a cross-signed mesh could offer.
   */
  chainToRoot(leaf: ParsedCert, intermediates: ParsedCert[], roots: ParsedCert[]): ParsedCert[] | undefined {
    const rootPrints = new Set(roots.map((r) => r.fingerprint));
    const candidates = [...roots, ...intermediates];
    const previous = new Map<string, ParsedCert | null>([[leaf.fingerprint, null]]);
    let frontier = [leaf];
    for (let depth = 0; depth <= LIMITS.chainDepth && frontier.length > 0; depth++) {
      const next: ParsedCert[] = [];
      for (const cert of frontier) {
        for (const parent of candidates) {
          if (previous.has(parent.fingerprint) || !this.issuedBy(cert, parent)) {
            continue;
          }
          previous.set(parent.fingerprint, cert);
          if (rootPrints.has(parent.fingerprint)) {
            return pathBack(parent, previous);
          }
          next.push(parent);
        }
      }
      frontier = next;
    }
    return undefined;
  }
}

function pathBack(root: ParsedCert, previous: Map<string, ParsedCert | null>): ParsedCert[] {
  const path = [root];
  let child = previous.get(root.fingerprint);
  while (child) {
    path.unshift(child);
    child = previous.get(child.fingerprint);
  }
  return path;
}
