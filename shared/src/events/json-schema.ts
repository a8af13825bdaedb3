/** The JSON Schema of each event's data, rendered for docs/events.md (a test keeps the file in step). */
import { z } from 'zod';
import { cloudEvent, EVENT_SCHEMAS, type EventType } from './schemas.js';

export const eventJsonSchema = (type: EventType): object => z.toJSONSchema(EVENT_SCHEMAS[type], { io: 'output' });

/** The generated part of docs/events.md: the envelope, then one section per type. */
export function renderEventSchemas(): string {
  const block = (schema: object) => ['```json', JSON.stringify(schema, null, 2), '```'].join('\n');
  const sections = (Object.keys(EVENT_SCHEMAS) as EventType[]).map((type) => `### \`${type}\`\n\n${block(eventJsonSchema(type))}`);
  return [`### The envelope (CloudEvents 1.0)\n\n${block(z.toJSONSchema(cloudEvent, { io: 'output' }))}`, ...sections].join('\n\n');
}
