import { Diagnostics, formatDiagnostic, YamlFile } from '../../../scripts/knowledge/diagnostics';
import type { TopicFile } from '../../../scripts/knowledge/loaded';
import { topicSchema } from '../../../scripts/knowledge/schema';
import { toTopicDefinition } from '../../../scripts/knowledge/topic';

// Each check of the knowledge compiler runs on a small topic written inline, so a test shows the
// exact YAML a specialist would write and the exact complaint they would read.

/** A two-fact topic: `lamp` (on/off) and `plug` (in/out), with the rules given as YAML. */
export function topicFile(rules: string, file = 'knowledge/topics/lamp.yaml'): TopicFile {
  const source = `id: lamp
title: Lamp
question: Does the lamp light?
facts:
  - id: lamp
    prompt: Is the switch on?
    help: The switch on the cord.
    options:
      - { value: on, label: "On" }
      - { value: off, label: "Off" }
  - id: plug
    prompt: Is it plugged in?
    help: The wall socket.
    options:
      - { value: in, label: "In" }
      - { value: out, label: "Out" }
rules:
${rules}`;
  const yaml = new YamlFile(file, source);
  const diagnostics = new Diagnostics();
  const input = yaml.parse(topicSchema, diagnostics);
  if (!input) throw new Error(`fixture does not parse: ${diagnostics.items.map(formatDiagnostic).join('; ')}`);
  return { yaml, input };
}

export const definitionOf = (file: TopicFile) => toTopicDefinition(file.input);

/** Runs one check on a fresh Diagnostics and returns what it says, as the report prints it. */
export function complaints(run: (diagnostics: Diagnostics) => void): string[] {
  const diagnostics = new Diagnostics();
  run(diagnostics);
  return diagnostics.items.map(formatDiagnostic);
}

export const LIGHTS = `  - id: lamp.lights
    when: { lamp: [ on ], plug: [ in ] }
    verdict: permitted
    summary: Yes, it lights.
    reasons: [ { text: Power and switch., section: lamp-basics } ]
  - id: lamp.dark
    when: { lamp: [ off ] }
    verdict: not-permitted
    summary: No, the switch is off.
    reasons: [ { text: No switch., section: lamp-basics } ]
  - id: lamp.unplugged
    when: { plug: [ out ] }
    verdict: not-permitted
    summary: No, the switch is off.
    reasons: [ { text: No power., section: lamp-basics } ]
`;
