/**
 * Fields that must never reach a log line. pino's redaction matches fixed paths (a `*` stands for
 * exactly one level), so the sensitive field names are listed at the depths where we log objects:
 * top level, inside one object (`{ member: { phone } }`) and inside two (`{ req: { body: { phone } } }`).
 */
const sensitiveFieldNames = [
  'idNumber',
  'id_number',
  'phone',
  'phoneNumber',
  'phone_number',
  'mobile',
  'password',
  'authorization',
  'cookie',
] as const;

const headerPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
  'res.headers["set-cookie"]',
];

/**
 * Database errors repeat the offending values: pg's `detail` ("Key (phone_hmac)=(…) already
 * exists"), TypeORM's `parameters` (the bound values of the failed query).
 */
const errorPaths = [
  'err.detail',
  'err.parameters',
  'err.driverError.detail',
  'error.detail',
  'error.parameters',
];

export const redactPaths: readonly string[] = [
  ...headerPaths,
  ...errorPaths,
  ...sensitiveFieldNames.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]),
];
