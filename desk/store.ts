import type { DeskRegistration, DeskRequest, NewDeskRequest, RequestStatus, StoredRequest } from './request';

/** Which requests to list; every list is oldest first. */
export interface RequestFilter {
  statuses?: readonly RequestStatus[];
  askerId?: string;
}

/**
 * A conditional update's result. `conflict`: someone changed the request since it was read (two
 * desk members pressing "Take it" at once); `current` is what they made of it, so the loser can be
 * told who has it.
 */
export type UpdateResult = { ok: true; stored: StoredRequest } | { ok: false; reason: 'conflict'; current: StoredRequest } | { ok: false; reason: 'missing' };

/**
 * The desk's state: its registration and its requests. Two implementations pass one contract
 * (test/desk/store-contract.ts): the embedded store for a local run and Azure Table Storage.
 */
export interface DeskStore {
  /** Stores a new open request under a fresh request number. */
  create(request: NewDeskRequest): Promise<StoredRequest>;
  get(id: string): Promise<StoredRequest | undefined>;
  /** Replaces the request if it is still at `etag`; never overwrites someone else's change. */
  update(next: DeskRequest, etag: string): Promise<UpdateResult>;
  list(filter?: RequestFilter): Promise<StoredRequest[]>;
  /** Deletes requests answered or closed before `cutoff`; returns how many. */
  deleteFinishedBefore(cutoff: Date): Promise<number>;
  getDesk(): Promise<DeskRegistration | undefined>;
  /** Registers (or moves) the desk; returns the registration it replaced. */
  setDesk(desk: DeskRegistration): Promise<DeskRegistration | undefined>;
  close(): Promise<void>;
}

/** A fresh request number taken by another request: the store draws again. */
export const CREATE_ATTEMPTS = 5;

export class RequestNumberExhaustedError extends Error {
  constructor() {
    super(`no free request number after ${CREATE_ATTEMPTS} draws`);
    this.name = 'RequestNumberExhaustedError';
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Deletes what the retention period no longer allows to keep: finished more than `days` days before `now`. */
export function deleteExpired(store: DeskStore, now: Date, days: number): Promise<number> {
  return store.deleteFinishedBefore(new Date(now.getTime() - days * DAY_MS));
}

/** Oldest first, then by number, so two requests of the same millisecond keep one order everywhere. */
export function oldestFirst(a: StoredRequest, b: StoredRequest): number {
  const byTime = Date.parse(a.request.createdAt) - Date.parse(b.request.createdAt);
  return byTime || (a.request.id < b.request.id ? -1 : a.request.id > b.request.id ? 1 : 0);
}

export function matches(request: DeskRequest, filter: RequestFilter): boolean {
  if (filter.statuses && !filter.statuses.includes(request.status)) return false;
  if (filter.askerId !== undefined && request.asker.id !== filter.askerId) return false;
  return true;
}
