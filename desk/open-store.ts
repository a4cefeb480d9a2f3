import type { DeskStoreSettings } from '../config/config';
import { EmbeddedStore } from './embedded-store';
import type { DeskStore } from './store';
import { TableStore } from './table-store';

/** The store the configuration names: the embedded one locally, Table Storage in Azure. */
export function openDeskStore(settings: DeskStoreSettings): DeskStore {
  if (settings.kind === 'embedded') return new EmbeddedStore({ file: settings.file });
  return new TableStore({
    endpoint: settings.endpoint,
    table: settings.table,
    credential: () => {
      // Loaded only where Table Storage is used; the local run never loads @azure/identity for this.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const identity = require('@azure/identity') as typeof import('@azure/identity');
      return settings.identityClientId
        ? new identity.ManagedIdentityCredential({ clientId: settings.identityClientId })
        : new identity.DefaultAzureCredential();
    },
  });
}
