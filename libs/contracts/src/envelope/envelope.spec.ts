import { parseEnvelope, parseEventEnvelope } from '../catalogue/parse-envelope';
import { memberRegisteredV1 } from '../events/registry/member-registered.v1';
import { visitLoggedV1 } from '../events/pairing/visit-logged.v1';
import { EXAMPLE_IDS, EXAMPLE_PATHS } from '../schema/example-ids';
import { buildEnvelope, SYSTEM_ACTOR } from './envelope';
import { ContractValidationError } from './contract-validation-error';
import { envelopeHeaders, HEADERS, messageKey } from './headers';

const fields = {
  source: 'member-registry',
  districtId: EXAMPLE_IDS.district,
  orgUnitPath: EXAMPLE_PATHS.branch,
  aggregateId: EXAMPLE_IDS.member,
  correlationId: 'req-7f3c',
  actor: { id: 'u-1', role: 'district_admin' as const },
  data: memberRegisteredV1.example,
};

describe('envelope', () => {
  it('round-trips through JSON: build, serialise, parse gives the same typed envelope', () => {
    const built = buildEnvelope(memberRegisteredV1, fields);
    const parsed = parseEnvelope(JSON.parse(JSON.stringify(built)));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.envelope).toEqual(built);
    expect(parsed.definition).toBe(memberRegisteredV1);
    if (parsed.envelope.type === 'registry.member.registered') {
      // Narrowing on `type` gives the payload type without casts.
      expect(parsed.envelope.data.cadreRank).toBe('township_cadre');
    }
  });

  it('fills id (UUIDv7), occurredAt (UTC) and causationId', () => {
    const built = buildEnvelope(memberRegisteredV1, {
      ...fields,
      occurredAt: new Date('2026-03-14T10:00:00+08:00'),
    });
    expect(built.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(built.occurredAt).toBe('2026-03-14T02:00:00.000Z');
    expect(built.causationId).toBeNull();
    expect(built.version).toBe(1);
    expect(buildEnvelope(memberRegisteredV1, fields).id).not.toBe(built.id);
  });

  it('accepts the system actor and city-level events without a district', () => {
    const built = buildEnvelope(memberRegisteredV1, {
      ...fields,
      actor: SYSTEM_ACTOR,
      districtId: null,
      orgUnitPath: '/hz/',
    });
    expect(built.actor).toEqual({ id: 'system', role: 'system' });
    expect(envelopeHeaders(built)[HEADERS.districtId]).toBeUndefined();
  });

  it('refuses to build data with a field the schema does not declare, naming the path', () => {
    const data = { ...memberRegisteredV1.example, phone: '13800000000' };
    expect(() => buildEnvelope(memberRegisteredV1, { ...fields, data })).toThrow(ContractValidationError);
    expect(() => buildEnvelope(memberRegisteredV1, { ...fields, data })).toThrow(
      /data\.phone: Unknown field/,
    );
  });

  it('refuses invalid envelope fields and data, listing every path', () => {
    try {
      buildEnvelope(memberRegisteredV1, {
        ...fields,
        orgUnitPath: 'hz/xihu',
        data: { ...memberRegisteredV1.example, birthYear: 1850 },
      });
      throw new Error('expected a ContractValidationError');
    } catch (error) {
      expect(error).toBeInstanceOf(ContractValidationError);
      const paths = (error as ContractValidationError).issues.map((issue) => issue.path);
      expect(paths).toEqual(expect.arrayContaining(['orgUnitPath', 'data.birthYear']));
    }
  });

  it('tolerates fields added later by producers when parsing (consumers are lenient)', () => {
    const built = buildEnvelope(visitLoggedV1, {
      ...fields,
      aggregateId: EXAMPLE_IDS.visit,
      data: visitLoggedV1.example,
    });
    const future = { ...built, newEnvelopeField: 1, data: { ...built.data, durationMinutes: 40 } };
    const parsed = parseEventEnvelope(visitLoggedV1, future);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.envelope.data).toEqual(visitLoggedV1.example);
  });

  it('reports validation errors with paths instead of throwing', () => {
    const built = buildEnvelope(visitLoggedV1, {
      ...fields,
      aggregateId: EXAMPLE_IDS.visit,
      data: visitLoggedV1.example,
    });
    const parsed = parseEnvelope({
      ...built,
      occurredAt: '2026-03-14 10:00',
      data: { ...built.data, kind: 'teleport' },
    });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.issues.map((issue) => issue.path)).toEqual(['occurredAt']);
    const badData = parseEnvelope({ ...built, data: { ...built.data, kind: 'teleport' } });
    expect(!badData.ok && badData.error.issues.map((issue) => issue.path)).toEqual(['data.kind']);
  });

  it('rejects unknown event types and versions, and the wrong definition', () => {
    const built = buildEnvelope(visitLoggedV1, {
      ...fields,
      aggregateId: EXAMPLE_IDS.visit,
      data: visitLoggedV1.example,
    });
    const unknown = parseEnvelope({ ...built, version: 9 });
    expect(!unknown.ok && unknown.error.message).toMatch(/No contract for pairing\.visit\.logged v9/);
    expect(parseEventEnvelope(memberRegisteredV1, built).ok).toBe(false);
    expect(parseEnvelope('not an object').ok).toBe(false);
  });

  it('derives Kafka headers and key from the envelope', () => {
    const built = buildEnvelope(visitLoggedV1, {
      ...fields,
      aggregateId: EXAMPLE_IDS.visit,
      data: visitLoggedV1.example,
    });
    expect(envelopeHeaders(built)).toEqual({
      'event-type': 'pairing.visit.logged',
      'schema-version': '1',
      'correlation-id': 'req-7f3c',
      'event-id': built.id,
      'district-id': EXAMPLE_IDS.district,
    });
    expect(messageKey(built)).toBe(EXAMPLE_IDS.visit);
  });
});
