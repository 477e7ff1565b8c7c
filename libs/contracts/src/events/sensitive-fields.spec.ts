import { z } from 'zod';
import { ALL_EVENTS } from '../catalogue/catalogue';
import { envelopeSchema } from '../envelope/envelope';
import { type EventDefinition } from '../envelope/event-definition';
import { isJsonObject, type JsonValue, toJsonSchema } from '../tooling/json-schema';

// Payloads must never carry resident ID numbers, phone numbers, names or addresses, nor members'
// names (ids only). The guard is on property names; each exception below says why it is safe.
const FORBIDDEN = /idNumber|idCard|phone|mobile|address|residentName|name$/i;
const ALLOWED: Record<string, string> = {
  topicName: 'names a Kafka topic',
  unitName: 'official name of an org unit (a village or branch), public and not personal',
  previousUnitName: 'same as unitName, before a rename',
  postTypeName: 'title of a post type (e.g. 经济发展岗), organisational',
  clientAddress: "the operator's IP address in the gateway audit, not a resident's address",
  phoneShown: 'a boolean saying whether the card shows the phone; the number itself is never published',
};

/** Every property name declared anywhere in a JSON Schema, with its path. */
function propertyNames(schema: JsonValue, path = 'data'): string[] {
  if (Array.isArray(schema)) return schema.flatMap((item) => propertyNames(item, path));
  if (!isJsonObject(schema)) return [];
  const own = isJsonObject(schema['properties'])
    ? Object.entries(schema['properties']).flatMap(([name, child]) => [
        `${path}.${name}`,
        ...propertyNames(child, `${path}.${name}`),
      ])
    : [];
  const nested = Object.entries(schema)
    .filter(([key]) => key !== 'properties')
    .flatMap(([, value]) => propertyNames(value, path));
  return [...own, ...nested];
}

function violations(schema: z.ZodType): string[] {
  return propertyNames(toJsonSchema(schema)).filter((path) => {
    const name = path.slice(path.lastIndexOf('.') + 1);
    return FORBIDDEN.test(name) && !(name in ALLOWED);
  });
}

describe('sensitive-field guard', () => {
  it('catches forbidden names, nested ones included (the guard itself works)', () => {
    const schema = z.object({
      householdId: z.uuid(),
      contact: z.object({ mobile: z.string(), residentName: z.string() }),
      members: z.array(z.object({ idNumber: z.string(), name: z.string() })),
      homeAddress: z.string().optional(),
    });
    expect(violations(schema).sort()).toEqual([
      'data.contact.mobile',
      'data.contact.residentName',
      'data.homeAddress',
      'data.members.idNumber',
      'data.members.name',
    ]);
  });

  it.each(
    (ALL_EVENTS as readonly EventDefinition[]).map(
      (event) => [`${event.type} v${event.version}`, event] as const,
    ),
  )('%s declares no personal-data field', (_name, event) => {
    expect(violations(event.schema)).toEqual([]);
  });

  it('the envelope declares no personal-data field', () => {
    expect(violations(envelopeSchema)).toEqual([]);
  });

  it('no example value looks like a mainland mobile number or resident ID number', () => {
    const mobile = /(^|\D)1[3-9]\d{9}(\D|$)/;
    const idNumber = /(^|\D)\d{17}[\dXx](\D|$)/;
    for (const event of ALL_EVENTS as readonly EventDefinition[]) {
      const text = JSON.stringify(event.example);
      expect({ event: event.type, mobile: mobile.test(text), idNumber: idNumber.test(text) }).toEqual({
        event: event.type,
        mobile: false,
        idNumber: false,
      });
    }
  });
});
