import { parseConfig } from '../../config/config';
import { Desk, REGISTRATION_CACHE_MS } from '../../desk/desk';
import { EmbeddedStore, IN_MEMORY } from '../../desk/embedded-store';
import type { DeskRegistration } from '../../desk/request';
import type { DeskStore } from '../../desk/store';
import { en } from '../../wording/en';

// Whether the ask button is offered depends on a desk being registered. The answer is remembered
// per instance for a while, so replies do not each pay a storage round trip; a registration made
// elsewhere (another instance, the same store) shows within that time.

const OWNER_OBJECT_ID = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';

const registration = (channel: string): DeskRegistration => ({
  conversation: {
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:1/',
    conversation: { id: channel, conversationType: 'channel' },
    bot: { id: '28:bot', name: 'Licensing' },
  },
  teamId: '19:deskteam@thread.tacv2',
  registeredBy: OWNER_OBJECT_ID,
  registeredAt: '2026-12-03T09:00:00.000Z',
});

/** A store that counts how often the registration is read, and can be made to fail. */
function countingStore(inner: DeskStore): DeskStore & { reads: number; mode: 'ok' | 'fail' } {
  const counted = Object.create(inner) as DeskStore & { reads: number; mode: 'ok' | 'fail' };
  counted.reads = 0;
  counted.mode = 'ok';
  counted.getDesk = () => {
    counted.reads += 1;
    if (counted.mode === 'fail') return Promise.reject(Object.assign(new Error('storage down'), { name: 'RestError' }));
    return inner.getDesk();
  };
  return counted;
}

function deskOn(store: DeskStore, env: Record<string, string> = { DESK_OWNER_IDS: OWNER_OBJECT_ID }) {
  let now = new Date('2026-12-03T09:00:00.000Z');
  const operator: string[] = [];
  const desk = new Desk({
    settings: parseConfig(env).desk,
    botAppId: '',
    store,
    now: () => now,
    operatorLog: (line) => operator.push(line),
    registrationWaitMs: 50,
  });
  return { desk, operator, later: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

describe('whether a licensing desk is registered, as the ask button sees it', () => {
  it('reads the store once per cache time, not once per reply, and tells the operator how to set a desk up once per read', async () => {
    const store = countingStore(new EmbeddedStore({ file: IN_MEMORY }));
    const { desk, operator, later } = deskOn(store);
    for (let reply = 0; reply < 5; reply += 1) expect(await desk.isRegistered()).toBe(false);
    expect(store.reads).toBe(1);
    expect(operator).toEqual([en.desk.operatorNotSetUp]);

    // Another instance registers the desk in the shared store: this one sees it once its cache time is over.
    await store.setDesk(registration('19:desk@thread.tacv2'));
    later(REGISTRATION_CACHE_MS - 1);
    expect(await desk.isRegistered()).toBe(false);
    later(2);
    expect(await desk.isRegistered()).toBe(true);
    expect(store.reads).toBe(2);
    expect(operator).toHaveLength(1);
  });

  it('sees a registration made on this instance at once', async () => {
    const store = countingStore(new EmbeddedStore({ file: IN_MEMORY }));
    const { desk } = deskOn(store);
    expect(await desk.isRegistered()).toBe(false);
    await store.setDesk(registration('19:desk@thread.tacv2'));
    desk.rememberRegistration(true);
    expect(await desk.isRegistered()).toBe(true);
    expect(store.reads).toBe(1);
  });

  it('says in the operator log that the owner settings come first when nobody may register a desk', async () => {
    const { desk, operator } = deskOn(new EmbeddedStore({ file: IN_MEMORY }), {});
    expect(await desk.isRegistered()).toBe(false);
    expect(operator).toEqual([en.desk.operatorNoOwners]);
    expect(operator[0]).toContain('DESK_OWNER_IDS');
    expect(operator[0]).toContain('DESK_TEAM_ID');
  });

  it('counts a failing store as no desk, logs the error name only, and does not retry it on every reply', async () => {
    const store = countingStore(new EmbeddedStore({ file: IN_MEMORY }));
    store.mode = 'fail';
    const { desk, operator, later } = deskOn(store);
    expect(await desk.isRegistered()).toBe(false);
    expect(await desk.isRegistered()).toBe(false);
    expect(store.reads).toBe(1);
    expect(operator).toHaveLength(1);
    expect(operator[0]).toContain('RestError');
    expect(operator[0]).not.toContain('storage down');

    store.mode = 'ok';
    await store.setDesk(registration('19:desk@thread.tacv2'));
    later(REGISTRATION_CACHE_MS + 1);
    expect(await desk.isRegistered()).toBe(true);
  });

  it('does not hold replies for a store that answers late: one waits briefly, the next not at all, and the late answer counts', async () => {
    const inner = new EmbeddedStore({ file: IN_MEMORY });
    const store = countingStore(inner);
    let answer: (registration: DeskRegistration | undefined) => void = () => undefined;
    store.getDesk = () => {
      store.reads += 1;
      return new Promise((resolve) => (answer = resolve));
    };
    const { desk } = deskOn(store);
    // The first reply waits registrationWaitMs (50 ms here), then goes without the button.
    expect(await desk.isRegistered()).toBe(false);
    // The next one does not wait at all: it is answered before anything queued after it runs.
    const next = await Promise.race([desk.isRegistered(), new Promise((resolve) => setImmediate(() => resolve('waited')))]);
    expect(next).toBe(false);
    // The lookup's late answer is the one the following replies use; the store was read once.
    answer(registration('19:desk@thread.tacv2'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(await desk.isRegistered()).toBe(true);
    expect(store.reads).toBe(1);
  });
});
