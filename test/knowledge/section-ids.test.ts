import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { guide } from '../../core/knowledge';
import { itWithShared, sharedPath } from '../support/shared-folder';

// Section ids are anchors: guide links, decision records, cards already sent and links people
// shared point at them, and the real-question eval names them. A section may be retitled or
// split, but its id stays (on the half that answers the old title, when it splits).

/** Every id the guide had published before the review of 2026-12-03; add, never remove. */
const PUBLISHED = [
  'glossary',
  'downgrade-rights',
  'prior-version-media',
  'vlsc-access',
  'prior-versions-scope',
  'refurbished-definition',
  'refurbished-license-kept',
  'refurbished-recovery-media',
  'motherboard-upgrade',
  'motherboard-defect-replacement',
  'motherboard-why',
  'used-pc-transfer',
  'refurbished-resources',
  'imaging-who',
  'imaging-qualifying-os',
  'imaging-verification-form',
  'imaging-partner-duties',
  'imaging-contacts',
  'vm-brief-scope',
  'vm-oem-retail',
  'vm-three-ways',
  'vm-virtualization-rights',
  'vm-outsourcing',
  'vm-listed-providers',
  'vm-multitenant-hosting',
  'vm-wvd',
  'vm-per-user-options',
  'vm-qualifying-os',
  'vm-rights-overview',
  'vm-rights-detail',
  'vm-scenarios-note',
  'scenario-vdi',
  'scenario-session-host',
  'scenario-mixed',
  'scenario-roaming',
  'scenario-byocd',
  'scenario-byod',
  'scenario-contractor',
  'scenario-local-vms',
  'vm-disclaimer',
  // Added by the review of 2026-12-03.
  'other-hardware-changes',
  'vm-listed-provider-definition',
];

const evalDir = sharedPath('eval');
const evalLine = z.looseObject({ id: z.string(), relevant_sections: z.array(z.string()).optional() });

describe('section ids', () => {
  it('keeps every published id', () => {
    expect(PUBLISHED.filter((id) => !guide.sections.has(id))).toEqual([]);
  });

  it('has no id missing from the published list, so a new one is added there on purpose', () => {
    expect([...guide.sections.keys()].filter((id) => !PUBLISHED.includes(id))).toEqual([]);
  });

  itWithShared('still has every section the real-question eval names', [evalDir], () => {
    const named = readdirSync(evalDir)
      .filter((name) => name.endsWith('.jsonl'))
      .flatMap((name) =>
        readFileSync(join(evalDir, name), 'utf8')
          .split('\n')
          .filter((line) => line.trim())
          .flatMap((line) => evalLine.parse(JSON.parse(line)).relevant_sections ?? []),
      );
    expect(named.length).toBeGreaterThan(20);
    expect([...new Set(named)].filter((id) => !guide.sections.has(id))).toEqual([]);
  });
});
