import type { AgentStatus } from './status-board';

/** The content type of Prometheus' text exposition format. */
export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

const escapeLabel = (value: string) => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

/** One metric family: its HELP and TYPE lines, then one line per sample. */
function family(name: string, type: 'counter' | 'gauge', help: string, samples: [labels: Record<string, string>, value: number][]): string[] {
  const lines = [`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`];
  for (const [labels, value] of samples) {
    const text = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(',');
    lines.push(`${name}${text ? `{${text}}` : ''} ${value}`);
  }
  return lines;
}

const STATES = ['working', 'waiting', 'idle', 'error'] as const;

/**
 * The agent's status in Prometheus' text format, for GET /metrics: whether it runs, its steps and the chaincode
 * events it handled since it started (counters), the proposals it tracks by state and those with a problem an
 * operator should look at (gauges), and the block of the last event (a stalled event stream stops moving it).
 */
export function renderMetrics(status: AgentStatus): string {
  const steps = Object.entries(status.counters?.steps ?? {}).map(([key, count]): [Record<string, string>, number] => {
    const [step, outcome] = key.split(' ');
    return [{ step, outcome }, count];
  });
  const events = Object.entries(status.counters?.events ?? {}).map(([event, count]): [Record<string, string>, number] => [{ event }, count]);
  const byState = STATES.map((state): [Record<string, string>, number] => [{ state }, status.proposals.filter((p) => p.state === state).length]);
  const lines = [
    ...family('opssc_agent_up', 'gauge', 'Whether the agent follows events and reconciles (1) or is starting or stopped (0).', [[{ msp_id: status.mspId, state: status.state }, status.state === 'running' ? 1 : 0]]),
    ...family('opssc_agent_steps_total', 'counter', 'Steps the agent logged since it started, by step and outcome.', steps),
    ...family('opssc_agent_events_total', 'counter', 'consortium_ops chaincode events handled since the agent started, by name.', events),
    ...family('opssc_agent_proposals', 'gauge', 'Proposals the agent tracks, by what it is doing about them.', byState),
    ...family('opssc_agent_proposals_with_problem', 'gauge', 'Proposals stuck on something an operator should look at (see GET /status).', [[{}, status.proposals.filter((p) => p.problem).length]]),
    ...(status.lastEvent ? family('opssc_agent_last_event_block', 'gauge', 'Block number of the last chaincode event handled.', [[{}, Number(status.lastEvent.blockNumber)]]) : []),
  ];
  return `${lines.join('\n')}\n`;
}
