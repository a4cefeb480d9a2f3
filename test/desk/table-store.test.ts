import { TableStore } from '../../desk/table-store';
import { Azurite, startAzurite } from '../support/azurite';
import { storeContract } from './store-contract';

jest.setTimeout(30_000);

describe('the Table Storage store (against Azurite)', () => {
  let azurite: Azurite;
  let tables = 0;

  beforeAll(async () => {
    azurite = await startAzurite();
  });
  afterAll(async () => {
    await azurite?.stop();
  });

  // A table per store: every test starts empty without restarting Azurite.
  storeContract((options) => Promise.resolve(new TableStore({ endpoint: azurite.endpoint, table: `desk${(tables += 1)}t${Date.now()}`, ...options })));

  it('refuses a non-loopback endpoint without the managed identity, and plain http outside loopback', () => {
    expect(() => new TableStore({ endpoint: 'https://account.table.core.windows.net', table: 'requests' })).toThrow(/managed identity/);
    expect(() => new TableStore({ endpoint: 'http://account.table.core.windows.net', table: 'requests' })).toThrow(/https/);
  });
});
