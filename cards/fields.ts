import { z } from 'zod';
import { submitPayloadSchema } from './render';

// Bounds keep one card far below the 28 KB message limit even with every list full.
export const text = z.string().trim().min(1).max(1500);
export const shortText = z.string().trim().min(1).max(300);
export const notice = z.string().max(500).default('');
export const url = z.url({ protocol: /^https?$/ });
export const payload = submitPayloadSchema;

export const topicButton = z.object({ title: shortText, submit: payload });
