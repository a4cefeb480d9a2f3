import { deleteExpired, DeskStore } from '../../desk/store';
import type { DeskRegistration, DeskRequest, NewDeskRequest } from '../../desk/request';

// One contract, two stores: what the desk's commands rely on, checked against the embedded store
// and against Table Storage (Azurite). Each test gets a store of its own.

export type OpenStore = (options?: { newNumber?: () => string }) => Promise<DeskStore>;

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date('2026-12-03T09:00:00.000Z');
const at = (daysAgo: number, plusMs = 0) => new Date(NOW.getTime() - daysAgo * DAY + plusMs).toISOString();

export function newRequest(overrides: Partial<NewDeskRequest> = {}): NewDeskRequest {
  return {
    asker: {
      id: 'aad-asker-1',
      name: 'Dana Asker',
      conversation: { channelId: 'msteams', serviceUrl: 'http://127.0.0.1:1/', conversation: { id: 'a:personal-1' } },
    },
    question: 'Does the VDA cover our contractors at home?',
    decision: { topic: 'VDI', verdict: 'Not decided by these sources', facts: ['Device: thin client'], recordUrl: 'https://x.example/decision?t=vdi' },
    createdAt: at(1),
    ...overrides,
  };
}

const desk = (conversationId: string): DeskRegistration => ({
  conversation: { channelId: 'msteams', serviceUrl: 'http://127.0.0.1:1/', conversation: { id: conversationId } },
  teamId: '19:team@thread.tacv2',
  registeredBy: 'aad-owner-1',
  registeredAt: NOW.toISOString(),
});

const taken = (request: DeskRequest, who: string): DeskRequest => ({
  ...request,
  status: 'taken',
  assignee: { id: who, name: who },
  updatedAt: NOW.toISOString(),
});

export function storeContract(open: OpenStore): void {
  let stores: DeskStore[] = [];
  const fresh: OpenStore = async (options) => {
    const store = await open(options);
    stores.push(store);
    return store;
  };
  afterEach(async () => {
    await Promise.all(stores.map((store) => store.close()));
    stores = [];
  });

  it('stores a new request as open under a readable request number, and reads it back as written', async () => {
    const store = await fresh();
    const created = await store.create(newRequest());
    expect(created.request.id).toMatch(/^LD-[0-9A-Z]{6}$/);
    expect(created.request.status).toBe('open');
    const read = await store.get(created.request.id);
    expect(read?.request).toEqual(created.request);
    expect(read?.etag).toBe(created.etag);
    expect(await store.get('LD-000000')).toBeUndefined();
  });

  it('draws another number when the one drawn is taken', async () => {
    const numbers = ['LD-AAAAAA', 'LD-AAAAAA', 'LD-BBBBBB'];
    const store = await fresh({ newNumber: () => numbers.shift() ?? 'LD-ZZZZZZ' });
    const first = await store.create(newRequest());
    const second = await store.create(newRequest());
    expect([first.request.id, second.request.id]).toEqual(['LD-AAAAAA', 'LD-BBBBBB']);
  });

  it('updates a request only at the version it was read, and tells a stale writer what it is now', async () => {
    const store = await fresh();
    const created = await store.create(newRequest());
    const first = await store.update(taken(created.request, 'aad-desk-1'), created.etag);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.stored.etag).not.toBe(created.etag);

    const stale = await store.update({ ...created.request, status: 'closed', closeReason: 'duplicate', finishedAt: NOW.toISOString() }, created.etag);
    expect(stale).toMatchObject({ ok: false, reason: 'conflict' });
    if (stale.ok || stale.reason !== 'conflict') return;
    expect(stale.current.request.assignee?.id).toBe('aad-desk-1');
    expect((await store.get(created.request.id))?.request.status).toBe('taken');

    const answered = await store.update({ ...first.stored.request, status: 'answered', answer: 'Yes, with VDA per user.' }, first.stored.etag);
    expect(answered.ok && answered.stored.request.answer).toBe('Yes, with VDA per user.');
  });

  it('lets exactly one of two simultaneous "Take it" win; the other learns who has it', async () => {
    const store = await fresh();
    const created = await store.create(newRequest());
    const results = await Promise.all([
      store.update(taken(created.request, 'aad-desk-1'), created.etag),
      store.update(taken(created.request, 'aad-desk-2'), created.etag),
    ]);
    const winners = results.filter((result) => result.ok);
    const losers = results.filter((result) => !result.ok);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    const winner = winners[0].ok ? winners[0].stored.request.assignee?.id : undefined;
    const loser = losers[0];
    expect(loser.ok === false && loser.reason === 'conflict' && loser.current.request.assignee?.id).toBe(winner);
    expect((await store.get(created.request.id))?.request.assignee?.id).toBe(winner);
  });

  it('says a request it does not have is missing, rather than creating it', async () => {
    const store = await fresh();
    const created = await store.create(newRequest());
    const ghost = { ...created.request, id: 'LD-GH0ST0' };
    expect(await store.update(ghost, created.etag)).toEqual({ ok: false, reason: 'missing' });
    expect(await store.get('LD-GH0ST0')).toBeUndefined();
  });

  it('lists by status and by asker, oldest first', async () => {
    const store = await fresh();
    const newest = await store.create(newRequest({ createdAt: at(1) }));
    const oldest = await store.create(newRequest({ createdAt: at(3) }));
    const other = await store.create(newRequest({ createdAt: at(2), asker: { ...newRequest().asker, id: 'aad-asker-2' } }));
    const middle = await store.update(taken(other.request, 'aad-desk-1'), other.etag);
    expect(middle.ok).toBe(true);

    const ids = (list: { request: DeskRequest }[]) => list.map(({ request }) => request.id);
    expect(ids(await store.list())).toEqual([oldest.request.id, other.request.id, newest.request.id]);
    expect(ids(await store.list({ statuses: ['open'] }))).toEqual([oldest.request.id, newest.request.id]);
    expect(ids(await store.list({ statuses: ['open', 'taken'] }))).toEqual([oldest.request.id, other.request.id, newest.request.id]);
    expect(ids(await store.list({ askerId: 'aad-asker-2' }))).toEqual([other.request.id]);
    expect(ids(await store.list({ askerId: 'aad-asker-1', statuses: ['taken'] }))).toEqual([]);
  });

  it('deletes a request the retention period has passed since it closed, and keeps the rest', async () => {
    const store = await fresh();
    const finish = async (daysAgo: number, status: 'answered' | 'closed') => {
      const created = await store.create(newRequest({ createdAt: at(daysAgo + 1) }));
      const result = await store.update({ ...created.request, status, answer: 'An answer.', finishedAt: at(daysAgo) }, created.etag);
      if (!result.ok) throw new Error('update failed');
      return created.request.id;
    };
    const longAnswered = await finish(120, 'answered');
    const longClosed = await finish(91, 'closed');
    const recent = await finish(89, 'closed');
    const stillOpen = await store.create(newRequest({ createdAt: at(400) }));

    expect(await deleteExpired(store, NOW, 90)).toBe(2);
    expect(await store.get(longAnswered)).toBeUndefined();
    expect(await store.get(longClosed)).toBeUndefined();
    expect(await store.get(recent)).toBeDefined();
    expect(await store.get(stillOpen.request.id)).toBeDefined();
    expect(await deleteExpired(store, NOW, 30)).toBe(1);
  });

  it('keeps one desk, and says which one a new registration replaces', async () => {
    const store = await fresh();
    expect(await store.getDesk()).toBeUndefined();
    expect(await store.setDesk(desk('19:first@thread.tacv2'))).toBeUndefined();
    expect((await store.getDesk())?.conversation.conversation.id).toBe('19:first@thread.tacv2');
    const previous = await store.setDesk(desk('19:second@thread.tacv2'));
    expect(previous?.conversation.conversation.id).toBe('19:first@thread.tacv2');
    expect((await store.getDesk())?.conversation.conversation.id).toBe('19:second@thread.tacv2');
  });

  it('refuses to store a request that does not fit the schema', async () => {
    const store = await fresh();
    await expect(store.create(newRequest({ question: '' }))).rejects.toThrow();
    expect(await store.list()).toEqual([]);
  });
}
