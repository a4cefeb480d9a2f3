import { parseConfig } from '../../config/config';

describe('the licensing desk settings', () => {
  it('runs locally on the embedded store with 90 days of retention and nobody allowed to register a desk', () => {
    expect(parseConfig({}).desk).toEqual({ store: { kind: 'embedded', file: '.data/desk.sqlite' }, retentionDays: 90, ownerIds: [], teamId: undefined });
  });

  it('reads the owners as lower-case object ids, the team and the retention', () => {
    const desk = parseConfig({
      DESK_OWNER_IDS: ' 3C4D5E6F-7A8B-4C9D-8E0F-1A2B3C4D5E6F , 0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0',
      DESK_TEAM_ID: '19:abc@thread.tacv2',
      DESK_RETENTION_DAYS: '30',
    }).desk;
    expect(desk.ownerIds).toEqual(['3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f', '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0']);
    expect(desk.teamId).toBe('19:abc@thread.tacv2');
    expect(desk.retentionDays).toBe(30);
  });

  it.each([
    [{ DESK_STORE: 'table' }, 'DESK_TABLE_ENDPOINT is required when DESK_STORE is table'],
    [{ DESK_STORE: 'cosmos' }, 'DESK_STORE'],
    [{ DESK_RETENTION_DAYS: '0' }, 'DESK_RETENTION_DAYS'],
    [{ DESK_OWNER_IDS: 'dana@contoso.com' }, 'DESK_OWNER_IDS must be a comma-separated list of Entra object ids'],
    [{ DESK_TABLE_NAME: 'desk-requests' }, 'DESK_TABLE_NAME'],
  ])('stops at start on a bad desk setting %p, naming it', (env, message) => {
    expect(() => parseConfig(env)).toThrow(message);
  });
});
