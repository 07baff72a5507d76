/** The JSON Schema for pack files (rules/schema/pack.schema.json), generated from the zod schema. */
import { z } from 'zod';
import { packSchema } from '../core/pack-schema.js';

export function packJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(packSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://reply-coach.dev/schema/pack.schema.json',
    title: 'Reply Coach rule pack',
    description: 'A pack of phrase rules and empathy-checklist items. See rules/README.md.',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}

export function packJsonSchemaText(): string {
  return JSON.stringify(packJsonSchema(), null, 2) + '\n';
}
