import { ComposeCommands, runComposeBootstrap } from '../src/compose-bootstrap';

// The command's entry point imports both steps, and they the api-server's key generator: take it from source,
// so that this suite needs no build of the api-server.
jest.mock('@opssc/api-server', () => jest.requireActual('../../api-server/src/index'), { virtual: true });

describe('npm run compose:bootstrap arguments', () => {
  let ran: string[];
  let errors: string[];
  const commands = (failure?: Error): ComposeCommands => ({
    prepare: async () => {
      ran.push('prepare');
      if (failure) throw failure;
    },
    bootstrap: async () => {
      ran.push('bootstrap');
    },
  });
  const error = (line: string) => errors.push(line);

  beforeEach(() => {
    ran = [];
    errors = [];
  });

  it.each([[[]], [['start']], [['--help']], [['constructor']], [['Prepare']]])('when the command is %j, it prints the usage, runs nothing and exits with 2', async (argv) => {
    const status = await runComposeBootstrap(argv, commands(), error);

    expect({ status, errors, ran }).toEqual({ status: 2, errors: ['usage: npm run compose:bootstrap -- prepare|bootstrap'], ran: [] });
  });

  it.each(['prepare', 'bootstrap'])('when the command is %s, it runs that step only and exits with 0', async (name) => {
    const status = await runComposeBootstrap([name], commands(), error);

    expect({ status, errors, ran }).toEqual({ status: 0, errors: [], ran: [name] });
  });

  it('when the step fails, it prints the error\'s message and exits with 1', async () => {
    const status = await runComposeBootstrap(['prepare'], commands(new Error('port 17050 on 127.0.0.1 is already in use')), error);

    expect({ status, errors }).toEqual({ status: 1, errors: ['error: port 17050 on 127.0.0.1 is already in use'] });
  });

  it('ignores arguments after the command, as it always has', async () => {
    const status = await runComposeBootstrap(['bootstrap', 'extra'], commands(), error);

    expect({ status, ran }).toEqual({ status: 0, ran: ['bootstrap'] });
  });
});
