/** One PEM block: its label (such as `CERTIFICATE` or `X509 CRL`) and decoded DER bytes. */
export interface PemBlock {
  label: string;
  der: Buffer;
}

// Labels are upper-case words; the body is base64 with any whitespace. Text between blocks is ignored,
// as OpenSSL does, so a bundle copied with comments or `subject=` lines still parses.
const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]{1,40})-----([A-Za-z0-9+/=\s]*?)-----END \1-----/g;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Splits a PEM bundle into its blocks, in order. A block whose body is not valid base64 is skipped,
 * so callers compare the count with what they expected rather than trusting partial input.
 */
export function splitPemBundle(text: string): PemBlock[] {
  if (typeof text !== 'string') {
    return [];
  }
  const blocks: PemBlock[] = [];
  for (const match of text.matchAll(PEM_BLOCK)) {
    const body = match[2].replace(/\s+/g, '');
    if (body.length === 0 || body.length % 4 !== 0 || !BASE64.test(body)) {
      continue;
    }
    blocks.push({ label: match[1], der: Buffer.from(body, 'base64') });
  }
  return blocks;
}

/** Encodes DER bytes as a PEM block with 64-character lines. */
export function derToPem(der: Uint8Array, label = 'CERTIFICATE'): string {
  const body = Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}

/**
 * The DER of the single PEM block in `pem`. Throws when there is no block or more than one, because
 * an MSP field holds exactly one certificate or CRL and a silent pick of the first would hide a mistake.
 */
export function pemToDer(pem: string, label?: string): Buffer {
  const blocks = splitPemBundle(pem);
  if (blocks.length !== 1) {
    throw new Error(`expected exactly one PEM block, found ${blocks.length}`);
  }
  if (label !== undefined && blocks[0].label !== label) {
    throw new Error(`expected a PEM ${label}, found ${blocks[0].label}`);
  }
  return blocks[0].der;
}
