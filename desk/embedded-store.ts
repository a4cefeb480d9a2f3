import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DatabaseSync as Database } from 'node:sqlite';
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

export const IN_MEMORY = ':memory:';

/** The embedded store's options: a file (created with its folder), or IN_MEMORY for tests. */
export interface EmbeddedStoreOptions {
  file: string;
  newNumber?: () => string;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS requests (
    id TEXT PRIMARY KEY,
    asker_id TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    finished_at TEXT,
    version INTEGER NOT NULL,
    data TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS requests_by_status ON requests (status, created_at);
  CREATE TABLE IF NOT EXISTS desk (key TEXT PRIMARY KEY, data TEXT NOT NULL);
`;

interface Row {
  data: string;
  version: number;
}

/**
 * The local run's store: Node 24's built-in SQLite (node:sqlite), nothing to install and no Azure
 * account. One process owns the file; SQLite's own locking keeps a second one safe, not fast.
 * Each row's version is its ETag, bumped by every update that names the version it read.
 */
export class EmbeddedStore implements DeskStore {
  private readonly db: Database;
  private readonly newNumber: () => string;

  constructor(options: EmbeddedStoreOptions) {
    if (options.file !== IN_MEMORY) mkdirSync(dirname(options.file), { recursive: true });
    // Loaded here, not at the top: only a deployment that chose this store loads node:sqlite.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { DatabaseSync } = require('node:sqlite') as typeof import('node:sqlite');
    this.db = new DatabaseSync(options.file);
    this.db.exec(SCHEMA);
    this.newNumber = options.newNumber ?? (() => newRequestNumber());
  }

  create(input: NewDeskRequest): Promise<StoredRequest> {
    return settle(() => this.insert(input));
  }

  private insert(input: NewDeskRequest): StoredRequest {
    const insert = this.db.prepare(
      'INSERT OR IGNORE INTO requests (id, asker_id, status, created_at, finished_at, version, data) VALUES (?, ?, ?, ?, NULL, 1, ?)',
    );
    for (let attempt = 0; attempt < CREATE_ATTEMPTS; attempt += 1) {
      const request = deskRequestSchema.parse({ ...input, id: this.newNumber(), status: 'open', updatedAt: input.createdAt });
      const result = insert.run(request.id, request.asker.id, request.status, utc(request.createdAt), JSON.stringify(request));
      if (Number(result.changes) === 1) return { request, etag: etagOf(1) };
    }
    throw new RequestNumberExhaustedError();
  }

  get(id: string): Promise<StoredRequest | undefined> {
    return settle(() => this.read(id));
  }

  private read(id: string): StoredRequest | undefined {
    const row = this.db.prepare('SELECT data, version FROM requests WHERE id = ?').get(id) as Row | undefined;
    return row && stored(row);
  }

  update(next: DeskRequest, etag: string): Promise<UpdateResult> {
    return settle(() => this.replace(next, etag));
  }

  private replace(next: DeskRequest, etag: string): UpdateResult {
    const request = deskRequestSchema.parse(next);
    const version = versionOf(etag);
    const finished = FINISHED_STATUSES.includes(request.status) && request.finishedAt ? utc(request.finishedAt) : null;
    const result = this.db
      .prepare('UPDATE requests SET status = ?, finished_at = ?, version = version + 1, data = ? WHERE id = ? AND version = ?')
      .run(request.status, finished, JSON.stringify(request), request.id, version ?? -1);
    if (Number(result.changes) === 1) return { ok: true, stored: { request, etag: etagOf((version ?? 0) + 1) } };
    const current = this.read(request.id);
    return current ? { ok: false, reason: 'conflict', current } : { ok: false, reason: 'missing' };
  }

  list(filter: RequestFilter = {}): Promise<StoredRequest[]> {
    return settle(() => this.select(filter));
  }

  private select(filter: RequestFilter): StoredRequest[] {
    const rows = this.db.prepare('SELECT data, version FROM requests ORDER BY created_at, id').all() as unknown as Row[];
    return rows
      .map(stored)
      .filter(({ request }) => matches(request, filter))
      .sort(oldestFirst);
  }

  deleteFinishedBefore(cutoff: Date): Promise<number> {
    return settle(() => Number(this.db.prepare('DELETE FROM requests WHERE finished_at IS NOT NULL AND finished_at < ?').run(cutoff.toISOString()).changes));
  }

  getDesk(): Promise<DeskRegistration | undefined> {
    return settle(() => this.readDesk());
  }

  private readDesk(): DeskRegistration | undefined {
    const row = this.db.prepare("SELECT data FROM desk WHERE key = 'desk'").get() as { data: string } | undefined;
    return row && parseStoredDesk(JSON.parse(row.data));
  }

  setDesk(desk: DeskRegistration): Promise<DeskRegistration | undefined> {
    return settle(() => this.writeDesk(desk));
  }

  private writeDesk(desk: DeskRegistration): DeskRegistration | undefined {
    const next = parseStoredDesk(desk);
    const previous = this.readDesk();
    this.db.prepare("INSERT INTO desk (key, data) VALUES ('desk', ?) ON CONFLICT (key) DO UPDATE SET data = excluded.data").run(JSON.stringify(next));
    return previous;
  }

  close(): Promise<void> {
    return settle(() => {
      if (this.db.isOpen) this.db.close();
    });
  }
}

/** node:sqlite is synchronous; the store's contract is not: a failure becomes a rejection, as it would be for Table Storage. */
function settle<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

const etagOf = (version: number): string => `W/"${version}"`;

function versionOf(etag: string): number | undefined {
  const match = /^W\/"(\d{1,15})"$/.exec(etag);
  return match ? Number(match[1]) : undefined;
}

function stored(row: Row): StoredRequest {
  return { request: parseStoredRequest(JSON.parse(row.data)), etag: etagOf(row.version) };
}

/** Times compare as text in SQL, so every stored time is in one form: UTC, milliseconds, "Z". */
const utc = (time: string): string => new Date(time).toISOString();
