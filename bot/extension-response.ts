import type { Attachment } from 'botbuilder';
import type { ThumbnailAttachment } from '../cards';

// The body Teams expects back from a message extension invoke (composeExtension/query and
// queryLink): a list of cards, each with the preview Teams lists, or a plain message.

export interface ExtensionAttachment extends Attachment {
  preview: ThumbnailAttachment;
}

export interface ExtensionResponse {
  composeExtension: { type: 'result'; attachmentLayout: 'list'; attachments: ExtensionAttachment[] } | { type: 'message'; text: string };
}

export const resultList = (attachments: ExtensionAttachment[]): ExtensionResponse => ({
  composeExtension: { type: 'result', attachmentLayout: 'list', attachments },
});

/** Teams shows the text in the extension's own panel, unformatted: it never becomes a message. */
export const plainMessage = (text: string): ExtensionResponse => ({ composeExtension: { type: 'message', text } });

export const withPreview = (card: Attachment, preview: ThumbnailAttachment): ExtensionAttachment => ({ ...card, preview });
