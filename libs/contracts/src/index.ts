// Public surface of the event contracts. Framework-free: analytics and every service import only this.
export * from './envelope/contract-validation-error';
export * from './envelope/envelope';
export * from './envelope/event-definition';
export * from './envelope/headers';
export * from './envelope/topic-definition';
export * from './catalogue/catalogue';
export * from './catalogue/parse-envelope';
export * as schemaPrimitives from './schema/primitives';
export * from './schema/enums';
export * from './events/registry/registry.topics';
export * from './events/registry/registry.events';
export * from './events/pairing/pairing.topics';
export * from './events/pairing/pairing.events';
export * from './events/gateway/gateway.topics';
export * from './events/gateway/gateway.events';
