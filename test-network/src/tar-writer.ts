import { gzipSync } from 'node:zlib';

/** One file of a tar archive. */
export interface TarEntry {
  path: string;
  content: Buffer;
  mode?: number;
}

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

function header(entry: TarEntry): Buffer {
  if (Buffer.byteLength(entry.path) > 100) throw new Error(`path too long for a tar header: ${entry.path}`);
  const block = Buffer.alloc(512, 0);
  block.write(entry.path, 0, 'utf8');
  block.write(octal(entry.mode ?? 0o644, 8), 100);
  block.write(octal(0, 8), 108); // uid
  block.write(octal(0, 8), 116); // gid
  block.write(octal(entry.content.length, 12), 124);
  block.write(octal(0, 12), 136); // mtime: fixed, so the same files always give the same bytes
  block.write('        ', 148); // checksum placeholder: eight spaces while summing
  block.write('0', 156); // regular file
  block.write('ustar\0', 257);
  block.write('00', 263);
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(octal(sum, 7) + ' ', 148);
  return block;
}

/**
 * A gzipped ustar archive with fixed metadata, sorted by path. Deterministic output matters: a chaincode package
 * ID is the hash of the package bytes, and every org must compute the same one.
 */
export function tarGz(entries: TarEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const entry of [...entries].sort((a, b) => a.path.localeCompare(b.path))) {
    parts.push(header(entry), entry.content, Buffer.alloc((512 - (entry.content.length % 512)) % 512, 0));
  }
  parts.push(Buffer.alloc(1024, 0));
  return gzipSync(Buffer.concat(parts), { level: 9 });
}
