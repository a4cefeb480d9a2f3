import { z } from 'zod';
import { shortText, text } from './fields';
import { CardRenderError } from './render';

// The preview Teams lists for a search result or an unfurled link must be a hero or thumbnail
// card (an Adaptive Card has none of its own); Teams draws it from these plain fields.

export const THUMBNAIL_CONTENT_TYPE = 'application/vnd.microsoft.card.thumbnail';

const thumbnailSchema = z.object({ title: shortText, subtitle: shortText.optional(), text });
export type ThumbnailData = z.input<typeof thumbnailSchema>;

export interface ThumbnailAttachment {
  contentType: typeof THUMBNAIL_CONTENT_TYPE;
  content: z.infer<typeof thumbnailSchema>;
}

/** A preview card; throws on data that is not one, like every card renderer. */
export function renderThumbnail(data: ThumbnailData): ThumbnailAttachment {
  const parsed = thumbnailSchema.safeParse(data);
  if (!parsed.success) throw new CardRenderError(`thumbnail card: bad data: ${z.prettifyError(parsed.error)}`);
  return { contentType: THUMBNAIL_CONTENT_TYPE, content: parsed.data };
}
