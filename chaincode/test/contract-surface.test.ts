// the harness first: it quiets fabric's decorator logging before the contract module loads
import { ConsortiumHarness } from './support/consortium-harness';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contracts } from '../src';

/** The transaction tables of docs/chaincode-api.md: name, argument names, and whether it is a query. */
function documentedTransactions(): { name: string; args: string[]; query: boolean }[] {
  const doc = readFileSync(join(__dirname, '../../docs/chaincode-api.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## Transactions'), doc.indexOf('### Arguments'));
  const queriesAt = section.indexOf('Queries (');
  const rows = [...section.matchAll(/^\| `(\w+)` \| ([^|]*) \|/gm)];
  return rows.map((row) => ({
    name: row[1],
    args: [...row[2].matchAll(/`(\w+)`/g)].map((m) => m[1]),
    query: (row.index ?? 0) > queriesAt,
  }));
}

describe('the contract surface', () => {
  test('when the chaincode is loaded, index exports the ConsortiumContract named consortium', () => {
    expect(contracts.map((c) => new c().getName())).toEqual(['consortium']);
  });

  test('when fabric-chaincode-node registers the contract, it has exactly the documented transactions, arguments and kinds', async () => {
    const h = await ConsortiumHarness.create({ founders: [] });
    const registered = h.registeredTransactions().map((t) => ({
      name: t.name,
      args: (t.parameters ?? []).map((p) => p.name),
      query: (t.tag ?? []).includes('EVALUATE'),
    }));

    expect(registered).toEqual(documentedTransactions());
  });

  test('when an unknown function is invoked, it is refused with INVALID_ARGUMENT', async () => {
    const h = await ConsortiumHarness.create({ founders: [] });
    expect((await h.endorse(await h.admin('Org1MSP'), 'MintTokens')).code).toBe('INVALID_ARGUMENT');
  });
});
