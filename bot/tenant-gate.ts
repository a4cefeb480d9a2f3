import { ActivityTypes, TurnContext } from 'botbuilder';
import { en } from '../wording/en';

/** What a person from another organization reads; it names nobody and nothing about the tenant. */
export const OTHER_TENANT_REPLY = en.replies.otherTenant;

// An activity's type is a plain string; the enum's values are the strings botbuilder itself compares.
const MESSAGE: string = ActivityTypes.Message;
const INVOKE: string = ActivityTypes.Invoke;

/**
 * The Teams tenant an activity comes from: Teams sends it in channelData.tenant.id, and on
 * most activities also as conversation.tenantId.
 */
export function tenantOf(activity: TurnContext['activity']): string | undefined {
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const id = channelData?.tenant?.id ?? (activity.conversation as { tenantId?: unknown } | undefined)?.tenantId;
  return typeof id === 'string' && id.trim() ? id.trim().toLowerCase() : undefined;
}

/**
 * With an allow-list set, a Teams activity from any other tenant (or naming none) gets a short
 * refusal instead of a turn: a message its refusal text, an invoke a 403 invoke response, and
 * anything else (installs, conversation updates) no reply at all, so that adding the app in
 * another tenant does not make it greet. Other channels have no tenant and are not filtered:
 * Web Chat's own gate is the Direct Line secret and the allowed origins.
 * Returns true when the turn was refused (and answered) here.
 */
export async function refuseOtherTenant(context: TurnContext, allowedTenantIds: readonly string[]): Promise<boolean> {
  if (!allowedTenantIds.length || context.activity.channelId !== 'msteams') return false;
  const tenant = tenantOf(context.activity);
  if (tenant !== undefined && allowedTenantIds.includes(tenant)) return false;
  if (context.activity.type === MESSAGE) {
    await context.sendActivity(OTHER_TENANT_REPLY);
  } else if (context.activity.type === INVOKE) {
    await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 403, body: { message: OTHER_TENANT_REPLY } } });
  }
  return true;
}
