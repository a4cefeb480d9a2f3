import { InvocationContext } from '@azure/functions';
import { COPILOT_CHANNEL, isCopilotTurn } from '../../bot/copilot';
import { parseConfig } from '../../config/config';
import { createMessagesHandler } from '../../handlers/messages';
import { NO_TELEMETRY } from '../../telemetry/app-insights';
import { activity, BASE_URL } from '../support/activities';
import { httpRequest } from '../support/http';
import { TOPICS } from '../../core/topics';
import { buttons, cardProblems, kindOf, textLinks } from '../support/cards';
import { HttpChat, onlyCard, startFakeConnector } from '../support/http-chat';
import { answerData, answerUntilVerdict, buttonTitled } from '../support/interview-driver';

// Microsoft 365 Copilot Chat, as far as it can be played here: it posts a custom engine agent's
// turns on the Teams channel with a ProductInfo entity "COPILOT", and it does not let a bot edit
// a sent message. Through POST /api/messages, with a stand-in connector that records every call.

const COPILOT = { entities: [{ type: 'ProductInfo', id: 'COPILOT' }] };
const TOPIC = 'used-pc';

async function firstQuestion(chat: HttpChat, extra: Record<string, unknown>) {
  const welcome = await chat.cardFor({ type: 'installationUpdate', action: 'add', ...extra });
  return onlyCard(await chat.press(buttonTitled(welcome, TOPICS[TOPIC].title), {}, extra));
}

describe('the bot inside Microsoft 365 Copilot', () => {
  it('tells a Copilot turn from a Teams one by its ProductInfo entity only', () => {
    expect(isCopilotTurn({ channelId: 'msteams', ...COPILOT })).toBe(true);
    expect(isCopilotTurn({ channelId: 'msteams', entities: [{ type: 'ProductInfo', id: 'copilot' }] })).toBe(true);
    expect(isCopilotTurn({ channelId: 'msteams' })).toBe(false);
    expect(isCopilotTurn({ channelId: 'msteams', entities: [{ type: 'mention', id: 'COPILOT' }] })).toBe(false);
    expect(isCopilotTurn({ channelId: 'webchat', ...COPILOT })).toBe(false);
    expect(isCopilotTurn({ channelId: 'msteams', entities: 'COPILOT' })).toBe(false);
  });

  it('answers a card press without asking Copilot to edit the answered card, and the interview still reaches a verdict', async () => {
    const connector = await startFakeConnector();
    try {
      const chat = new HttpChat('msteams', connector.url);
      const question = await firstQuestion(chat, COPILOT);
      const { card } = await answerUntilVerdict(
        async (button, inputs) => onlyCard(await chat.press(button, inputs, { replyToId: 'copilot-card-1', ...COPILOT })),
        TOPIC,
        question,
        () => 0,
      );
      expect(kindOf(card)).toBe('answer');
      expect(cardProblems(card)).toEqual([]);
      expect(buttons(card).some((b) => b.type === 'Action.OpenUrl')).toBe(true);
      expect(textLinks(card).length).toBeGreaterThan(0);
      expect(connector.calls.filter((call) => call.method === 'PUT')).toEqual([]);
    } finally {
      await connector.close();
    }
  });

  it('still replaces the answered card in a Teams chat (the same press without the entity)', async () => {
    const connector = await startFakeConnector();
    try {
      const chat = new HttpChat('msteams', connector.url);
      const question = await firstQuestion(chat, {});
      await chat.send({ value: answerData(question), replyToId: 'teams-card-1' });
      expect(connector.calls.filter((call) => call.method === 'PUT').map((call) => call.path)).toEqual([
        '/v3/conversations/conversation-1/activities/teams-card-1',
      ]);
    } finally {
      await connector.close();
    }
  });

  it.each([
    ['Copilot', COPILOT, COPILOT_CHANNEL],
    ['Teams', {}, 'msteams'],
  ])('logs a %s turn under its own channel name, so the workbook counts Copilot apart', async (_name, extra, channel) => {
    const lines: string[] = [];
    const context = new InvocationContext({ functionName: 'messages', logHandler: (_level, ...args) => void lines.push(args.map(String).join(' ')) });
    const handler = createMessagesHandler({ config: parseConfig({ PUBLIC_BASE_URL: BASE_URL }), telemetry: NO_TELEMETRY });
    const response = await handler(httpRequest({ body: JSON.stringify(activity({ channelId: 'msteams', text: 'help', ...extra })) }), context);
    expect(response.status).toBe(200);
    const records = lines.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records).toEqual([expect.objectContaining({ event: 'turn', channel, action: 'help' })]);
  });
});
