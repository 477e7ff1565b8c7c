// Every gateway event version. A new event or version: add its file, list it here, then run
// `npm run contracts:generate -- --update-snapshots` (see libs/contracts/README.md).
import { auditRecordedV1 } from './audit-recorded.v1';

export { auditRecordedV1 };

export const GATEWAY_EVENTS = [auditRecordedV1] as const;
