// Microsoft 365 Copilot carries a custom engine agent's turns on the Teams channel (channelId
// "msteams") and marks them with a ProductInfo entity whose id is COPILOT: the Microsoft 365
// Agents SDK's activity model reads the sub-channel "msteams:COPILOT" from exactly that entity.
// Copilot keeps sent messages as they are (no updateActivity), so the bot must not rely on it there.

/** How the turn log names Copilot turns: the Agents SDK's name for the sub-channel, apart from Teams. */
export const COPILOT_CHANNEL = 'msteams:COPILOT';

interface Entity {
  type?: unknown;
  id?: unknown;
}

/** Whether this turn comes from Microsoft 365 Copilot Chat rather than a Teams chat or channel. */
export function isCopilotTurn(activity: { channelId?: string; entities?: unknown }): boolean {
  if (activity.channelId !== 'msteams' || !Array.isArray(activity.entities)) return false;
  return (activity.entities as Entity[]).some(
    (entity) => entity?.type === 'ProductInfo' && typeof entity.id === 'string' && entity.id.toUpperCase() === 'COPILOT',
  );
}
