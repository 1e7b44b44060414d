import { common } from '@hyperledger/fabric-protos';

/**
 * A ConfigUpdate that changes nothing: its read set and write set pin the channel group at its current
 * version. It is recorded when an attempt is due but the channel already has the change (made out of band)
 * or the change cannot be made at all, because consortium_ops records a result only against a recorded
 * task. It is never signed or broadcast: the planner sees the change present (COMMITTED) or impossible
 * (FAILED) before it would get there.
 */
export function witnessUpdate(channelId: string, config: common.Config): common.ConfigUpdate {
  const version = config.getChannelGroup()?.getVersion() ?? 0;
  const pin = () => {
    const group = new common.ConfigGroup();
    group.setVersion(version);
    return group;
  };
  const update = new common.ConfigUpdate();
  update.setChannelId(channelId);
  update.setReadSet(pin());
  update.setWriteSet(pin());
  return update;
}
