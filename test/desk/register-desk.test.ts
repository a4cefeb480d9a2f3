import { DeskWorld, DESK_TEAM, OTHER_MEMBER, OWNER, personalChat, startDeskWorld, STRANGER } from '../support/desk-world';
import { en } from '../../wording/en';

const DESK = '19:desk@thread.tacv2';
const ELSEWHERE = '19:elsewhere@thread.tacv2';

describe('registering the licensing desk (set licensing desk), through the messages handler', () => {
  let world: DeskWorld;
  beforeEach(async () => {
    world = await startDeskWorld();
  });
  afterEach(() => world.close());

  const texts = (replies: { text?: string }[]) => replies.map((reply) => reply.text);

  it('makes the channel the desk when an owner asks, and says so there', async () => {
    expect(texts(await world.inChannel(DESK, OWNER, 'set licensing desk'))).toEqual([en.desk.registered]);
    expect(texts(await world.inChannel(DESK, OWNER, 'Set licensing desk.'))).toEqual([en.desk.alreadyHere]);
    expect(world.calls).toEqual([]);
  });

  it('refuses anyone not named by the settings, plainly, and logs the refusal without who it was', async () => {
    expect(texts(await world.inChannel(DESK, STRANGER, 'set licensing desk'))).toEqual([en.desk.notAllowed]);
    expect(world.logs.some((line) => line.includes('"desk":"not-allowed"') && line.includes('"outcome":"refused"'))).toBe(true);
    for (const secret of [STRANGER.name, STRANGER.aadObjectId, STRANGER.id, DESK]) expect(world.logs.join('\n')).not.toContain(secret);
    // Nothing was registered: the owner's registration is a first one.
    expect(texts(await world.inChannel(DESK, OWNER, 'set licensing desk'))).toEqual([en.desk.registered]);
  });

  it('lets members of the team the settings name register it in one of its channels, and nobody from another team', async () => {
    const teamWorld = await startDeskWorld({ DESK_OWNER_IDS: '', DESK_TEAM_ID: DESK_TEAM });
    try {
      expect(texts(await teamWorld.inChannel(DESK, OTHER_MEMBER, 'set licensing desk', '19:otherteam@thread.tacv2'))).toEqual([en.desk.notAllowed]);
      expect(texts(await teamWorld.inChannel(DESK, OTHER_MEMBER, 'set licensing desk'))).toEqual([en.desk.registered]);
    } finally {
      await teamWorld.close();
    }
  });

  it('accepts only a Teams channel as the desk', async () => {
    expect(texts(await world.send({ ...personalChat(OWNER), text: 'set licensing desk' }))).toEqual([en.desk.onlyChannel]);
    expect(texts(await world.send({ ...personalChat(OWNER), channelId: 'emulator', text: 'set licensing desk' }))).toEqual([en.desk.onlyChannel]);
    expect(texts(await world.inChannel(DESK, OWNER, 'set licensing desk'))).toEqual([en.desk.registered]);
  });

  it('moves the desk on a second registration and says so in both channels', async () => {
    await world.inChannel(DESK, OWNER, 'set licensing desk');
    expect(texts(await world.inChannel(ELSEWHERE, OWNER, 'set licensing desk'))).toEqual([en.desk.movedHere]);
    // The old channel hears it as a new post in the channel itself, not in the command's thread.
    expect(world.calls.map(({ method, conversationId, body }) => [method, conversationId, body.text])).toEqual([['POST', DESK, en.desk.movedAway]]);
  });

  it('moves the desk even when the old channel cannot be reached any more', async () => {
    await world.inChannel(DESK, OWNER, 'set licensing desk');
    world.unreachable.add(DESK);
    expect(texts(await world.inChannel(ELSEWHERE, OWNER, 'set licensing desk'))).toEqual([en.desk.movedHere]);
    expect(world.logs.some((line) => line.includes('"desk":"moved"') && line.includes('"deskDeliveryError":"DeliveryFailedError"'))).toBe(true);
    // Nothing but the notice was tried there: no apology for a failure nobody in the old channel caused.
    expect(world.calls.filter(({ conversationId }) => conversationId === DESK).map(({ body }) => body.text)).toEqual([en.desk.movedAway]);
    expect(texts(await world.inChannel(ELSEWHERE, OWNER, 'set licensing desk'))).toEqual([en.desk.alreadyHere]);
  });
});
