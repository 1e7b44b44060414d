import { parseInvitation, parseJoinArgs } from '../../src/cli/join-args';

const base = ['--msp', 'msp', '--msp-id', 'Org3MSP', '--admin-cert', 'c.pem', '--admin-key', 'k.pem', '--nodes', 'nodes.json'];

describe('opssc join arguments', () => {
  it('parses repeated invitations, channels and follow', () => {
    const options = parseJoinArgs(
      [...base, '--channels', 'ops-channel,mychannel', '--invitation', 'https://a.example.com,inv_1.x', '--invitation', 'https://b.example.com:8443/,inv_2.y', '--follow'],
      () => '',
    );
    expect(options).toMatchObject({
      mspDir: 'msp',
      mspId: 'Org3MSP',
      channels: ['ops-channel', 'mychannel'],
      invitations: [
        { url: 'https://a.example.com', token: 'inv_1.x' },
        { url: 'https://b.example.com:8443/', token: 'inv_2.y' },
      ],
      follow: true,
      pollSeconds: 10,
    });
  });

  it('reads invitations from a file so tokens stay out of shell history', () => {
    const options = parseJoinArgs([...base, '--invitations-file', 'inv.txt'], () => '# Org1\nhttps://a.example.com,inv_1.x\n\nhttps://b.example.com,inv_2.y\n');
    expect(options.invitations.map((i) => i.url)).toEqual(['https://a.example.com', 'https://b.example.com']);
  });

  it('refuses a missing required option, a missing invitation and a malformed one', () => {
    expect(() => parseJoinArgs(base.slice(2), () => '')).toThrow(/--msp is required/);
    expect(() => parseJoinArgs(base, () => '')).toThrow(/at least one --invitation/);
    expect(() => parseInvitation('inv_1.x')).toThrow(/<url>,<token>/);
    expect(() => parseJoinArgs([...base, '--bogus'], () => '')).toThrow(/Unknown option/);
  });
});
