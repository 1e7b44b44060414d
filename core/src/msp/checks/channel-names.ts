import { checkFrom } from '../check-result';
import type { JoinRequest, ValidationCheck } from '../types';

/** Fabric's own channel name rule: lower-case letter first, then lower-case letters, digits, dots, hyphens; < 250 characters. */
export const CHANNEL_NAME_PATTERN = /^[a-z][a-z0-9.-]{0,248}$/;

/** `channel-names`: every requested channel name is one Fabric accepts, and none is repeated. */
export function checkChannelNames(req: JoinRequest): ValidationCheck {
  const problems = req.channels.filter((c) => !CHANNEL_NAME_PATTERN.test(c)).map((c) => `"${c.slice(0, 80)}" is not a valid channel name`);
  if (new Set(req.channels).size !== req.channels.length) problems.push('channels are repeated');
  return checkFrom('channel-names', problems);
}
