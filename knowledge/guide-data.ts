import { buildGuide, Guide } from '../core/guide';
import { GUIDE_FILES, KNOWLEDGE_VERSION } from './generated/guide-text';

/** The guide, parsed once per process from the markdown embedded at build time. */
export const guide: Guide = buildGuide(GUIDE_FILES, KNOWLEDGE_VERSION);
