import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startScriptedHost } from '../../../core/test/support/scripted-host';
import { runChaincode } from '../../src/cli/chaincode-command';
import { chaincodePackage, eachTestHarness } from './cli-harness';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('opssc chaincode', () => {
  const h = eachTestHarness();

  const target = ['--channel', 'mychannel', '--name', 'basic', '--version', '1.0'];

  it('upload sends the package file to the api-server and prints its package id and SHA-256', async () => {
    const pkg = chaincodePackage('basic_1.0');

    const run = await h.run(runChaincode, ['upload', h.file('basic.tar.gz', pkg)]);

    expect(run).toMatchObject({ code: 0, out: [`packageId basic_1.0:${sha256(pkg)}`, `sha256    ${sha256(pkg)}`] });
    expect(readFileSync(join(h.packagesDir, 'basic_1.0.tar.gz'))).toEqual(pkg);
  });

  it('when the server already holds the package, upload says so', async () => {
    const file = h.file('basic.tar.gz', chaincodePackage('basic_1.0'));
    await h.run(runChaincode, ['upload', file]);

    const run = await h.run(runChaincode, ['upload', file, '--json']);

    expect(JSON.parse(run.stdout)).toMatchObject({ label: 'basic_1.0', stored: false });
  });

  it('when the file is not a chaincode package, the server refuses it and upload exits 1', async () => {
    const run = await h.run(runChaincode, ['upload', h.file('notes.txt', 'not a package')]);

    expect(run.code).toBe(1);
    expect(run.err[0]).toMatch(/^error INVALID_ARGUMENT: .*\(HTTP 400\)$/);
  });

  it('propose with --package uploads the file, then proposes DEPLOY_CHAINCODE with its package id and the given policy', async () => {
    const pkg = chaincodePackage('basic_1.0');
    const packageId = `basic_1.0:${sha256(pkg)}`;

    const run = await h.run(runChaincode, [
      'propose', ...target, '--package', h.file('basic.tar.gz', pkg),
      '--signature-policy', "OR('Org1MSP.peer','Org2MSP.peer')", '--init-required', '--deadline-seconds', '3600',
    ]);

    expect(run.code).toBe(0);
    const [proposal] = [...h.ledger.state.proposals.values()];
    expect(run.out).toEqual([`packageId ${packageId}`, `sha256    ${sha256(pkg)}`, `created DEPLOY_CHAINCODE proposal ${proposal.id}: OPEN`]);
    expect(proposal.payload).toEqual({
      channel: 'mychannel', name: 'basic', version: '1.0', sequence: 1, packageId, label: 'basic_1.0', sha256: sha256(pkg),
      endorsementPolicy: { signaturePolicy: "OR('Org1MSP.peer','Org2MSP.peer')" }, initRequired: true,
    });
    expect(h.ledger.submitted('CreateProposal')[0].args[2]).toBe('3600');
  });

  it('propose with --collections-config sends the collections_config.json as the payload collections; a file that is not JSON exits 2', async () => {
    const pkg = chaincodePackage('basic_1.0');
    await h.run(runChaincode, ['upload', h.file('basic.tar.gz', pkg)]);
    const collections = [{ name: 'assets', policy: "OR('Org1MSP.member','Org2MSP.member')", requiredPeerCount: 0, maxPeerCount: 1, blockToLive: 0, memberOnlyRead: true, memberOnlyWrite: true }];

    const run = await h.run(runChaincode, ['propose', ...target, '--package-id', `basic_1.0:${sha256(pkg)}`, '--collections-config', h.file('collections_config.json', JSON.stringify(collections)), '--json']);

    expect(run.code).toBe(0);
    const { id } = JSON.parse(run.stdout) as { id: string };
    expect(h.ledger.state.proposal(id).payload).toMatchObject({ collections });
    const bad = await h.run(runChaincode, ['propose', ...target, '--package-id', `basic_1.0:${sha256(pkg)}`, '--collections-config', h.file('broken.json', '[{')]);
    expect(bad.code).toBe(2);
    expect(bad.err.join('\n')).toMatch(/--collections-config: .*broken\.json is not JSON/);
  });

  it('propose with --package-id proposes an uploaded package with the given sequence and channel config policy', async () => {
    const pkg = chaincodePackage('basic_2.0');
    await h.run(runChaincode, ['upload', h.file('basic.tar.gz', pkg)]);

    const run = await h.run(runChaincode, [
      'propose', ...target, '--version', '2.0', '--package-id', `basic_2.0:${sha256(pkg)}`,
      '--sequence', '2', '--channel-config-policy', '/Channel/Application/Endorsement', '--json',
    ]);

    expect(run.code).toBe(0);
    const { id } = JSON.parse(run.stdout) as { id: string };
    expect(h.ledger.state.proposal(id).payload).toMatchObject({ version: '2.0', sequence: 2, endorsementPolicy: { channelConfigPolicy: '/Channel/Application/Endorsement' } });
  });

  it('propose with --package-url lets the server download and name the package, checking the given SHA-256', async () => {
    const pkg = chaincodePackage('basic_1.0');
    const host = await startScriptedHost({ '/basic_1.0.tar.gz': (res) => res.writeHead(200, { 'content-length': pkg.length }).end(pkg) });
    const url = `${host.url}/basic_1.0.tar.gz`;

    try {
      const run = await h.run(runChaincode, ['propose', ...target, '--package-url', url, '--sha256', sha256(pkg)]);

      expect(run.code).toBe(0);
      const [proposal] = [...h.ledger.state.proposals.values()];
      expect(run.out).toEqual([`created DEPLOY_CHAINCODE proposal ${proposal.id}: OPEN`]);
      expect(proposal.payload).toMatchObject({ packageUrl: url, packageId: `basic_1.0:${sha256(pkg)}`, sha256: sha256(pkg) });
    } finally {
      await host.close();
    }
  });

  it('propose --json keeps stdout for the proposal and reports the upload on stderr', async () => {
    const pkg = chaincodePackage('basic_1.0');

    const run = await h.run(runChaincode, ['propose', ...target, '--package', h.file('basic.tar.gz', pkg), '--json']);

    expect(JSON.parse(run.stdout)).toMatchObject({ type: 'DEPLOY_CHAINCODE', status: 'OPEN' });
    expect(run.err).toEqual([`packageId basic_1.0:${sha256(pkg)}`, `sha256    ${sha256(pkg)}`]);
  });

  it('when the package id was never uploaded, propose exits 1 with CHAINCODE_PACKAGE_NOT_FOUND', async () => {
    const run = await h.run(runChaincode, ['propose', ...target, '--package-id', `basic_1.0:${'a'.repeat(64)}`]);

    expect(run.code).toBe(1);
    expect(run.err[0]).toMatch(/^error CHAINCODE_PACKAGE_NOT_FOUND: upload basic_1.0:a{64} to this server first.*\(HTTP 404\)$/);
    expect(h.ledger.state.proposals.size).toBe(0);
  });

  it('when the package file is missing, propose exits 2 before calling the server', async () => {
    const run = await h.run(runChaincode, ['propose', ...target, '--package', join(h.dir, 'missing.tar.gz')]);

    expect(run.code).toBe(2);
    expect(run.err[0]).toBe(`opssc: cannot read ${join(h.dir, 'missing.tar.gz')} (ENOENT)`);
    expect(h.ledger.calls).toEqual([]);
  });

  it.each([
    ['no package', [...target], 'opssc: one of --package, --package-id, --package-url is required'],
    ['both --package and --package-id', [...target, '--package', 'a.tgz', '--package-id', 'x'], 'opssc: give only one of --package, --package-id, --package-url'],
    ['--sha256 without --package-url', [...target, '--package-id', 'x', '--sha256', 'a'.repeat(64)], 'opssc: --sha256 goes with --package-url (an uploaded package or a package id has its hash already)'],
    ['both policies', [...target, '--package-id', 'x', '--signature-policy', 'OR()', '--channel-config-policy', '/x'], 'opssc: give only one of --signature-policy, --channel-config-policy'],
    ['no --name', ['--channel', 'mychannel', '--version', '1.0', '--package-id', 'x'], 'opssc: --name is required'],
    ['a sequence of zero', [...target, '--package-id', 'x', '--sequence', '0'], 'opssc: --sequence must be a positive integer, got 0'],
  ])('when propose is given %s, it exits 2 with its usage', async (_what, argv, message) => {
    const run = await h.run(runChaincode, ['propose', ...argv]);

    expect(run.code).toBe(2);
    expect(run.err[0]).toBe(message);
    expect(run.err[1]).toMatch(/^usage: opssc chaincode propose /);
    expect(h.ledger.calls).toEqual([]);
  });
});
