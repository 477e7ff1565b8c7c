import { Parser } from '@asyncapi/parser';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ALL_EVENTS, TOPICS } from '../catalogue/catalogue';
import { parseEnvelope } from '../catalogue/parse-envelope';
import { type EventDefinition } from '../envelope/event-definition';
import {
  buildAsyncApiDocument,
  channelId,
  consumeOperationId,
  messageId,
  publishOperationId,
  renderAsyncApiYaml,
} from './asyncapi';
import { isJsonObject, type JsonObject } from './json-schema';

const DOC_PATH = join(__dirname, '..', '..', '..', '..', 'docs', 'asyncapi.yaml');

function object(value: unknown): JsonObject {
  if (!isJsonObject(value)) throw new Error(`expected an object, got ${JSON.stringify(value)}`);
  return value;
}

describe('docs/asyncapi.yaml', () => {
  const committed = readFileSync(DOC_PATH, 'utf8');

  it('is up to date: regenerating gives identical bytes (run `npm run contracts:generate`)', () => {
    expect(renderAsyncApiYaml() === committed).toBe(true);
  });

  it('is valid AsyncAPI 3.0 per @asyncapi/parser (no error diagnostics)', async () => {
    const { document, diagnostics } = await new Parser().parse(committed);
    const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 0);
    expect(errors.map((error) => `${error.path.join('.')}: ${error.message}`)).toEqual([]);
    expect(document?.version()).toBe('3.0.0');
    expect(
      document
        ?.channels()
        .all()
        .map((channel) => channel.address())
        .sort(),
    ).toEqual(TOPICS.map((topic) => topic.name).sort());
    expect(document?.messages().all().length).toBe(ALL_EVENTS.length);
  }, 60_000);

  it('declares partitions, retention and cleanup policy as Kafka bindings on every channel', () => {
    const channels = object(buildAsyncApiDocument()['channels']);
    for (const topic of TOPICS) {
      const kafka = object(object(object(channels[channelId(topic)])['bindings'])['kafka']);
      expect(kafka['topic']).toBe(topic.name);
      expect(kafka['partitions']).toBe(topic.partitions);
      expect(kafka['topicConfiguration']).toEqual({
        'cleanup.policy': [topic.cleanupPolicy],
        'retention.ms': topic.retentionMs,
      });
    }
  });

  it('has a send and a receive operation per topic, referencing all its messages', () => {
    const operations = object(parse(committed.replace(/^#.*\n/, ''))['operations']);
    for (const topic of TOPICS) {
      for (const [name, action] of [
        [publishOperationId(topic), 'send'],
        [consumeOperationId(topic), 'receive'],
      ] as const) {
        const operation = object(operations[name]);
        expect(operation['action']).toBe(action);
        expect(operation['messages']).toHaveLength(topic.events.length);
      }
    }
  });

  it('shows, for every event, an example envelope that the consumer-side parser accepts', () => {
    const messages = object(object(buildAsyncApiDocument()['components'])['messages']);
    for (const event of ALL_EVENTS as readonly EventDefinition[]) {
      const examples = object(messages[messageId(event)])['examples'];
      const example = Array.isArray(examples) ? object(examples[0]) : {};
      const parsed = parseEnvelope(example['payload']);
      expect(parsed.ok ? `${parsed.envelope.type}@v${parsed.envelope.version}` : parsed.error.message).toBe(
        `${event.type}@v${event.version}`,
      );
      expect(object(example['headers'])['event-type']).toBe(event.type);
    }
  });
});
