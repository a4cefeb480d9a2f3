import { EmbeddedStore } from '../../desk/embedded-store';
import { openDeskStore } from '../../desk/open-store';
import { TableStore } from '../../desk/table-store';
import { parseConfig } from '../../config/config';

describe('choosing the desk store by configuration', () => {
  it('opens the embedded store by default and Table Storage when DESK_STORE is table', async () => {
    const embedded = openDeskStore(parseConfig({ DESK_STORE_FILE: ':memory:' }).desk.store);
    expect(embedded).toBeInstanceOf(EmbeddedStore);
    await embedded.close();
    const table = openDeskStore(
      parseConfig({
        DESK_STORE: 'table',
        DESK_TABLE_ENDPOINT: 'https://account.table.core.windows.net',
        DESK_IDENTITY_CLIENT_ID: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
      }).desk.store,
    );
    expect(table).toBeInstanceOf(TableStore);
  });
});
