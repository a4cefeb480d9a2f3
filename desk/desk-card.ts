import type { Attachment } from 'botbuilder';
import { renderDeskReply, renderDeskRequest } from '../cards/desk';
import { en } from '../wording/en';
import { answerPayload, closePayload, takePayload } from './payloads';
import type { AttachedDecision, DeskRequest } from './request';

/** The attached decision as the lines both cards show. */
export function attachedLines(decision: AttachedDecision): { title: string; value: string }[] {
  return [
    ...(decision.topic ? [{ title: en.desk.attachedTopic, value: decision.topic }] : []),
    ...(decision.verdict ? [{ title: en.desk.attachedVerdict, value: decision.verdict }] : []),
    ...decision.facts.map((fact) => {
      const split = fact.indexOf(': ');
      return split > 0 ? { title: fact.slice(0, split).slice(0, 300), value: fact.slice(split + 2) || fact } : { title: '·', value: fact };
    }),
    ...(decision.question ? [{ title: en.desk.attachedQuestion, value: decision.question }] : []),
    ...(decision.caveats ?? []).map((caveat) => ({ title: en.labels.notCovered, value: caveat })),
  ];
}

/** The request as the desk channel shows it now: status, who has it, and only the buttons its status allows. */
export function deskRequestCard(request: DeskRequest): Attachment {
  const who = request.assignee?.name ?? '';
  const status =
    request.status === 'open'
      ? en.desk.requestStatus.open
      : request.status === 'taken'
        ? en.desk.requestStatus.taken(who)
        : request.status === 'answered'
          ? en.desk.requestStatus.answered(who)
          : en.desk.requestStatus.closed(who);
  const active = request.status === 'open' || request.status === 'taken';
  return renderDeskRequest({
    id: request.id,
    askerName: request.asker.name,
    question: request.question,
    createdAt: `${request.createdAt.slice(0, 19)}Z`,
    attached: attachedLines(request.decision),
    recordUrl: request.decision.recordUrl ?? '',
    status,
    answer: request.answer ?? request.closeReason ?? '',
    note: request.deliveryFailed ? en.desk.askerNotReached : '',
    take: request.status === 'open' ? takePayload(request.id) : undefined,
    answerSubmit: active ? answerPayload(request.id) : undefined,
    closeSubmit: active ? closePayload(request.id) : undefined,
  });
}

/** The desk's answer, or its reason for closing, as the asker gets it. */
export function deskReplyCard(request: DeskRequest): Attachment {
  return renderDeskReply({
    id: request.id,
    closed: request.status === 'closed',
    question: request.question,
    answer: request.answer ?? request.closeReason ?? '',
    answeredBy: request.assignee?.name ?? '',
    recordUrl: request.decision.recordUrl ?? '',
  });
}
