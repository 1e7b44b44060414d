import { parseArgs } from 'node:util';
import type { Invitation, JoinOptions } from './join-command';

/** Usage text of `opssc join`. */
export const JOIN_USAGE = `usage: opssc join --msp <dir> --msp-id <MSPID> --admin-cert <file> --admin-key <file> --nodes <json file>
                  [--channels ops-channel,mychannel] [--metadata <json file>]
                  --invitation <url>,<token> [--invitation <url>,<token> ...] | --invitations-file <file>
                  [--follow] [--poll-seconds 10]`;

/** Splits `<url>,<token>`; the token holds no comma, so the last comma separates them. */
export function parseInvitation(value: string): Invitation {
  const comma = value.lastIndexOf(',');
  const url = value.slice(0, comma).trim();
  const token = value.slice(comma + 1).trim();
  if (comma < 0 || !/^https?:\/\//.test(url) || !token) {
    throw new Error(`--invitation must be <url>,<token>, got ${url || '(nothing)'},…`);
  }
  return { url, token };
}

/**
 * Parses `opssc join` arguments. Invitations may come from a file (one `<url>,<token>` per line) so that
 * tokens stay out of shell history and process listings.
 */
export function parseJoinArgs(argv: string[], readText: (path: string) => string): JoinOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      msp: { type: 'string' },
      'msp-id': { type: 'string' },
      'admin-cert': { type: 'string' },
      'admin-key': { type: 'string' },
      nodes: { type: 'string' },
      channels: { type: 'string', default: 'ops-channel' },
      metadata: { type: 'string' },
      invitation: { type: 'string', multiple: true, default: [] },
      'invitations-file': { type: 'string' },
      follow: { type: 'boolean', default: false },
      'poll-seconds': { type: 'string', default: '10' },
    },
  });
  const required = (name: 'msp' | 'msp-id' | 'admin-cert' | 'admin-key' | 'nodes'): string => {
    const value = values[name];
    if (!value) {
      throw new Error(`--${name} is required\n${JOIN_USAGE}`);
    }
    return value;
  };
  const sources = {
    mspDir: required('msp'),
    mspId: required('msp-id'),
    adminCertFile: required('admin-cert'),
    adminKeyFile: required('admin-key'),
    nodesFile: required('nodes'),
  };
  const fromFile = values['invitations-file']
    ? readText(values['invitations-file']).split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#'))
    : [];
  const invitations = [...values.invitation, ...fromFile].map(parseInvitation);
  if (invitations.length === 0) {
    throw new Error(`at least one --invitation is required\n${JOIN_USAGE}`);
  }
  const pollSeconds = Number(values['poll-seconds']);
  if (!Number.isInteger(pollSeconds) || pollSeconds < 1) {
    throw new Error('--poll-seconds must be a positive integer');
  }
  return {
    ...sources,
    channels: values.channels.split(',').map((c) => c.trim()).filter(Boolean),
    metadataFile: values.metadata,
    invitations,
    follow: values.follow,
    pollSeconds,
  };
}
