import { parseArgs } from '../src/cli';
import { validateUpOptions } from '../src/network';
import { orgPorts, PORTS_PER_ORG } from '../src/ports';

describe('network CLI arguments', () => {
  it('defaults to 2 orgs', () => {
    expect(parseArgs(['up']).orgs).toBe(2);
  });

  it('reads --orgs and --base-port as whole numbers', () => {
    expect(parseArgs(['up', '--orgs', '4', '--base-port', '20000'])).toMatchObject({ orgs: 4, basePort: 20000 });
  });

  it.each([['--orgs', 'abc'], ['--orgs', '-1'], ['--base-port', '7.5'], ['--orgs']])('refuses %s %s', (...args) => {
    expect(() => parseArgs(['up', ...args.filter(Boolean)])).toThrow(/needs a whole number/);
  });

  it.each([0, 9])('refuses %i orgs', (orgs) => {
    expect(() => validateUpOptions({ orgs, basePort: 17050 })).toThrow(/from 1 to 8/);
  });

  it('refuses a base port in the privileged range', () => {
    expect(() => validateUpOptions({ orgs: 2, basePort: 80 })).toThrow(/--base-port/);
  });
});

describe('port layout', () => {
  it('gives each org its own block of ports with no overlap', () => {
    const all = [1, 2, 3, 4].flatMap((i) => Object.values(orgPorts(17050, i)));
    expect(new Set(all).size).toBe(all.length);
    expect(Math.max(...all) - Math.min(...all)).toBe(4 * PORTS_PER_ORG - 1);
  });
});
