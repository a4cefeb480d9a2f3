import { Desk } from '../../desk/desk';
import { EmbeddedStore, IN_MEMORY } from '../../desk/embedded-store';
import { parseConfig } from '../../config/config';
import { newRequest } from './store-contract';

// Retention in use, not only in the store: the desk deletes what has been closed longer than the
// setting allows, at most once an hour, whatever traffic calls it.

const DAY = 24 * 60 * 60 * 1000;

describe('the licensing desk deleting requests after retention', () => {
  it('deletes requests closed longer ago than DESK_RETENTION_DAYS, keeps the rest, and checks at most hourly', async () => {
    const store = new EmbeddedStore({ file: IN_MEMORY });
    let now = new Date('2026-12-03T09:00:00.000Z');
    const desk = new Desk({ settings: parseConfig({ DESK_RETENTION_DAYS: '30' }).desk, botAppId: '', store, now: () => now, operatorLog: () => undefined });
    const closedDaysAgo = async (days: number) => {
      const created = await store.create(newRequest({ createdAt: new Date(now.getTime() - (days + 1) * DAY).toISOString() }));
      const finishedAt = new Date(now.getTime() - days * DAY).toISOString();
      await store.update({ ...created.request, status: 'closed', closeReason: 'Duplicate.', finishedAt }, created.etag);
      return created.request.id;
    };
    const old = await closedDaysAgo(31);
    const recent = await closedDaysAgo(29);

    await desk.purgeWhenDue();
    expect(await store.get(old)).toBeUndefined();
    expect(await store.get(recent)).toBeDefined();

    // Within the hour nothing runs again; an hour later it does.
    const soon = await closedDaysAgo(45);
    await desk.purgeWhenDue();
    expect(await store.get(soon)).toBeDefined();
    now = new Date(now.getTime() + 61 * 60 * 1000);
    await desk.purgeWhenDue();
    expect(await store.get(soon)).toBeUndefined();
    expect(await store.get(recent)).toBeDefined();
    await store.close();
  });
});
