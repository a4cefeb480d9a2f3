import type { GuideSection } from '../../../core/guide';

/** A guide section with the file and line of its heading, so a complaint can point there. */
export interface SectionPlace {
  section: GuideSection;
  file: string;
  line: number;
}
