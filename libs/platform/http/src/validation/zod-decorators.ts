import { Body, Param, Query } from '@nestjs/common';
import type { z } from 'zod';
import type { InputLocation } from './zod-issues';
import { ZodValidationPipe } from './zod-validation.pipe';

const ZOD_INPUTS_KEY = 'lianxin:zod-inputs';

export type RouteInputSchemas = Partial<Record<InputLocation, z.ZodType>>;

/** `@ZodBody(CreateMemberBody) body: CreateMemberBody` — validated body; 400 naming each field. */
export function ZodBody(schema: z.ZodType): ParameterDecorator {
  return inputDecorator('body', schema, Body(new ZodValidationPipe(schema, 'body')));
}

/** `@ZodQuery(ListMembersQuery) query: ListMembersQuery` — query values arrive as strings: use `z.coerce`. */
export function ZodQuery(schema: z.ZodType): ParameterDecorator {
  return inputDecorator('query', schema, Query(new ZodValidationPipe(schema, 'query')));
}

/** `@ZodParams(z.strictObject({ id: z.uuid() })) params: { id: string }` — all path params at once. */
export function ZodParams(schema: z.ZodType): ParameterDecorator {
  return inputDecorator('params', schema, Param(new ZodValidationPipe(schema, 'params')));
}

/** Schemas recorded by the decorators above, so `/openapi.json` documents them without repetition. */
export function getRouteInputSchemas(handler: object): RouteInputSchemas {
  const value: unknown = Reflect.getMetadata(ZOD_INPUTS_KEY, handler);
  return (value ?? {}) as RouteInputSchemas;
}

function inputDecorator(
  location: InputLocation,
  schema: z.ZodType,
  nest: ParameterDecorator,
): ParameterDecorator {
  return (target, propertyKey, parameterIndex) => {
    if (propertyKey !== undefined) {
      const handler: unknown = Reflect.get(target, propertyKey);
      if (typeof handler === 'function') {
        Reflect.defineMetadata(
          ZOD_INPUTS_KEY,
          { ...getRouteInputSchemas(handler), [location]: schema },
          handler,
        );
      }
    }
    nest(target, propertyKey, parameterIndex);
  };
}
