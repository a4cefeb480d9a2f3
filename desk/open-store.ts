import type { DeskStoreSettings } from '../config/config';
import type { DeskStore } from './store';

/**
 * The store the configuration names: the embedded one locally, Table Storage in Azure. Each is
 * loaded on the desk's first use, not at start: most turns never touch the desk, and a cold start
 * should not pay for @azure/data-tables, @azure/identity or node:sqlite.
 */
export function openDeskStore(settings: DeskStoreSettings): DeskStore {
  /* eslint-disable @typescript-eslint/no-require-imports -- lazy loads, see above */
  if (settings.kind === 'embedded') {
    const { EmbeddedStore } = require('./embedded-store') as typeof import('./embedded-store');
    return new EmbeddedStore({ file: settings.file });
  }
  const { TableStore } = require('./table-store') as typeof import('./table-store');
  return new TableStore({
    endpoint: settings.endpoint,
    table: settings.table,
    credential: () => {
      const identity = require('@azure/identity') as typeof import('@azure/identity');
      return settings.identityClientId
        ? new identity.ManagedIdentityCredential({ clientId: settings.identityClientId })
        : new identity.DefaultAzureCredential();
    },
  });
  /* eslint-enable @typescript-eslint/no-require-imports */
}
