import { AzureNamedKeyCredential, odata, TableClient, TableEntityResult } from '@azure/data-tables';
import type { TokenCredential } from '@azure/identity';
import {
  DeskRegistration,
  DeskRequest,
  deskRequestSchema,
  FINISHED_STATUSES,
  NewDeskRequest,
  parseStoredDesk,
  parseStoredRequest,
  StoredRequest,
} from './request';
import { newRequestNumber } from './request-number';
import { CREATE_ATTEMPTS, DeskStore, matches, oldestFirst, RequestFilter, RequestNumberExhaustedError, UpdateResult } from './store';

/**
 * Azurite's well-known development account (published in Azurite's and Azure's documentation,
 * the same on every machine): accepted only for a loopback endpoint, where nothing real listens.
 */
const DEVELOPMENT_ACCOUNT = {
  name: 'devstoreaccount1',
  key: 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
};

export interface TableStoreOptions {
  /** The account's table endpoint, e.g. https://<account>.table.core.windows.net (Azurite: http://127.0.0.1:<port>/devstoreaccount1). */
  endpoint: string;
  table: string;
  /** The managed identity in Azure; unused (the development account) for a loopback endpoint. */
  credential?: () => TokenCredential;
  newNumber?: () => string;
}

const REQUEST_PARTITION = 'request';
const DESK_PARTITION = 'desk';
const DESK_ROW = 'registration';

/** The columns beside the JSON: what a query filters on. Everything else lives in `data`. */
interface RequestEntity {
  partitionKey: string;
  rowKey: string;
  askerId: string;
  status: string;
  createdAt: string;
  finishedAt?: string;
  data: string;
}

/**
 * Requests in Azure Table Storage, one partition for requests and one row for the desk. Reached
 * with the managed identity (Storage Table Data Contributor, granted by infra/azure.bicep): no key
 * and no connection string anywhere. The table's own ETags make "take it" conditional.
 */
export class TableStore implements DeskStore {
  private readonly client: TableClient;
  private readonly newNumber: () => string;
  private ready: Promise<void> | undefined;

  constructor(options: TableStoreOptions) {
    const url = new URL(options.endpoint);
    const local = isLoopback(url.hostname);
    if (!local && url.protocol !== 'https:') throw new Error('the table endpoint must use https');
    if (!local && !options.credential) throw new Error('a table endpoint in Azure needs the managed identity');
    this.client = local
      ? new TableClient(url.href.replace(/\/+$/, ''), options.table, new AzureNamedKeyCredential(DEVELOPMENT_ACCOUNT.name, DEVELOPMENT_ACCOUNT.key), {
          allowInsecureConnection: url.protocol === 'http:',
        })
      : new TableClient(url.href.replace(/\/+$/, ''), options.table, options.credential!());
    this.newNumber = options.newNumber ?? (() => newRequestNumber());
  }

  /** Creates the table on first use (infra creates it in Azure; Azurite starts empty). */
  private table(): Promise<void> {
    this.ready ??= this.client.createTable().catch((error: unknown) => {
      this.ready = undefined;
      // 409: it exists. 403: the identity may use the table but not create tables, and infra made it.
      if (statusOf(error) !== 409 && statusOf(error) !== 403) throw error;
    });
    return this.ready;
  }

  async create(input: NewDeskRequest): Promise<StoredRequest> {
    await this.table();
    for (let attempt = 0; attempt < CREATE_ATTEMPTS; attempt += 1) {
      const request = deskRequestSchema.parse({ ...input, id: this.newNumber(), status: 'open', updatedAt: input.createdAt });
      try {
        const result = await this.client.createEntity(toEntity(request));
        return { request, etag: result.etag ?? '' };
      } catch (error) {
        if (statusOf(error) !== 409) throw error;
      }
    }
    throw new RequestNumberExhaustedError();
  }

  async get(id: string): Promise<StoredRequest | undefined> {
    await this.table();
    try {
      return fromEntity(await this.client.getEntity<RequestEntity>(REQUEST_PARTITION, id));
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  async update(next: DeskRequest, etag: string): Promise<UpdateResult> {
    await this.table();
    const request = deskRequestSchema.parse(next);
    try {
      const result = await this.client.updateEntity(toEntity(request), 'Replace', { etag });
      return { ok: true, stored: { request, etag: result.etag ?? '' } };
    } catch (error) {
      const status = statusOf(error);
      if (status !== 412 && status !== 404) throw error;
      const current = await this.get(request.id);
      return current ? { ok: false, reason: 'conflict', current } : { ok: false, reason: 'missing' };
    }
  }

  async list(filter: RequestFilter = {}): Promise<StoredRequest[]> {
    await this.table();
    const clauses = [odata`PartitionKey eq ${REQUEST_PARTITION}`];
    if (filter.askerId !== undefined) clauses.push(odata`askerId eq ${filter.askerId}`);
    if (filter.statuses?.length) clauses.push(`(${filter.statuses.map((status) => odata`status eq ${status}`).join(' or ')})`);
    const found: StoredRequest[] = [];
    for await (const entity of this.client.listEntities<RequestEntity>({ queryOptions: { filter: clauses.join(' and ') } })) {
      const stored = fromEntity(entity);
      if (matches(stored.request, filter)) found.push(stored);
    }
    return found.sort(oldestFirst);
  }

  async deleteFinishedBefore(cutoff: Date): Promise<number> {
    await this.table();
    const filter = odata`PartitionKey eq ${REQUEST_PARTITION} and finishedAt lt ${cutoff.toISOString()}`;
    let deleted = 0;
    for await (const entity of this.client.listEntities<RequestEntity>({ queryOptions: { filter, select: ['rowKey', 'finishedAt'] } })) {
      try {
        // Its ETag: a request changed since it was listed is not deleted on stale grounds.
        await this.client.deleteEntity(REQUEST_PARTITION, entity.rowKey, { etag: entity.etag });
        deleted += 1;
      } catch (error) {
        if (statusOf(error) !== 404 && statusOf(error) !== 412) throw error;
      }
    }
    return deleted;
  }

  async getDesk(): Promise<DeskRegistration | undefined> {
    await this.table();
    try {
      const entity = await this.client.getEntity<{ data: string }>(DESK_PARTITION, DESK_ROW);
      return parseStoredDesk(JSON.parse(entity.data));
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  async setDesk(desk: DeskRegistration): Promise<DeskRegistration | undefined> {
    const next = parseStoredDesk(desk);
    const previous = await this.getDesk();
    await this.client.upsertEntity({ partitionKey: DESK_PARTITION, rowKey: DESK_ROW, data: JSON.stringify(next) }, 'Replace');
    return previous;
  }

  async close(): Promise<void> {
    // The client holds no connection of its own to release.
  }
}

function toEntity(request: DeskRequest): RequestEntity {
  const finished = FINISHED_STATUSES.includes(request.status) && request.finishedAt;
  return {
    partitionKey: REQUEST_PARTITION,
    rowKey: request.id,
    askerId: request.asker.id,
    status: request.status,
    createdAt: new Date(request.createdAt).toISOString(),
    // Times compare as text in a filter, so every stored time has one form: UTC with "Z".
    ...(finished ? { finishedAt: new Date(finished).toISOString() } : {}),
    data: JSON.stringify(request),
  };
}

function fromEntity(entity: TableEntityResult<RequestEntity>): StoredRequest {
  return { request: parseStoredRequest(JSON.parse(entity.data)), etag: entity.etag };
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

function isLoopback(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]' || hostname === '::1';
}
