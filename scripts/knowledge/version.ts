import { createHash } from 'node:crypto';
import type { KnowledgeModel } from '../../core/model';

/**
 * The knowledge version: a hash of the model with runs of white space folded, so reflowing a
 * paragraph, reformatting a YAML file or editing a comment leaves cards already sent valid.
 */
export function knowledgeVersion(model: Omit<KnowledgeModel, 'version'>): string {
  const normalized = JSON.stringify(model, (_key, value: unknown) => (typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : value));
  return createHash('sha256').update(normalized).digest('hex').slice(0, 12);
}
