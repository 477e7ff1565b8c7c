import { z } from 'zod';
import { hardshipStatus } from '@lianxin/contracts';
import { can, type Actor } from '@lianxin/auth';
import { HARDSHIP_LABELS } from '../../shared/domain/labels';
import { maskMobile, maskResidentId } from '../../shared/domain/masking';
import type { PiiCipher } from '../../shared/infrastructure/pii-cipher';
import type { HouseholdRow } from '../infrastructure/household.repository';

export const householdViewSchema = z.object({
  id: z.uuid(),
  villageId: z.uuid(),
  districtId: z.uuid().nullable(),
  orgPath: z.string(),
  headName: z.string(),
  address: z.string(),
  size: z.number().int(),
  hardshipStatus,
  hardshipLabel: z.string(),
  needs: z.array(z.string()),
  isMigrantMemberHousehold: z.boolean(),
  /** Masked unless the caller may read sensitive household data; null when not recorded. */
  residentId: z.string().nullable(),
  mobile: z.string().nullable(),
  sensitiveMasked: z.boolean(),
  active: z.boolean(),
  version: z.number().int(),
});
export type HouseholdView = z.infer<typeof householdViewSchema>;

export function toHouseholdView(row: HouseholdRow, actor: Actor, cipher: PiiCipher): HouseholdView {
  const sensitive = can(actor, 'registry.household.read-sensitive');
  const rid = row.resident_id_cipher ? cipher.decrypt(row.resident_id_cipher) : null;
  const mobile = row.mobile_cipher ? cipher.decrypt(row.mobile_cipher) : null;
  return {
    id: row.id,
    villageId: row.village_id,
    districtId: row.district_id,
    orgPath: row.org_path,
    headName: row.head_name,
    address: row.address,
    size: row.size,
    hardshipStatus: row.hardship_status,
    hardshipLabel: HARDSHIP_LABELS[row.hardship_status],
    needs: row.needs,
    isMigrantMemberHousehold: row.is_migrant_member_household,
    residentId: rid === null ? null : sensitive ? rid : maskResidentId(rid),
    mobile: mobile === null ? null : sensitive ? mobile : maskMobile(mobile),
    sensitiveMasked: !sensitive,
    active: row.active,
    version: row.version,
  };
}
