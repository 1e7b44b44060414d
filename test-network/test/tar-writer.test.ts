import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tarGz } from '../src/tar-writer';

describe('tarGz', () => {
  const entries = [
    { path: 'src/index.js', content: Buffer.from('module.exports = {};\n') },
    { path: 'metadata.json', content: Buffer.from('{"type":"node"}') },
  ];

  it('gives byte-identical archives for the same files in any order, so package IDs agree across orgs', () => {
    expect(tarGz(entries).equals(tarGz([...entries].reverse()))).toBe(true);
  });

  it('writes an archive that the system tar lists and extracts with the same contents', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tar-test-'));
    writeFileSync(join(dir, 'a.tar.gz'), tarGz(entries));
    expect(execFileSync('tar', ['-tzf', 'a.tar.gz'], { cwd: dir, encoding: 'utf8' }).trim().split('\n')).toEqual(['metadata.json', 'src/index.js']);
    execFileSync('tar', ['-xzf', 'a.tar.gz'], { cwd: dir });
    expect(readFileSync(join(dir, 'src/index.js'), 'utf8')).toBe('module.exports = {};\n');
  });
});
