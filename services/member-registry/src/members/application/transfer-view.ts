import { z } from 'zod';

export const transferViewSchema = z.object({
  id: z.uuid(),
  memberId: z.uuid(),
  fromBranchId: z.uuid(),
  fromDistrictId: z.uuid().nullable(),
  toDistrictId: z.uuid(),
  toBranchId: z.uuid().nullable(),
  status: z.enum(['pending', 'completed']),
  statusLabel: z.string(),
  reason: z.string(),
  transferredOn: z.string(),
  /** Which side of the transfer the caller is on (组织关系转出 / 转入). */
  direction: z.enum(['out', 'in', 'within']),
});
export type TransferView = z.infer<typeof transferViewSchema>;

export interface TransferRow {
  id: string;
  member_id: string;
  district_id: string | null;
  org_path: string;
  from_branch_id: string;
  to_district_id: string;
  to_org_path: string;
  to_branch_id: string | null;
  status: 'pending' | 'completed';
  reason: string;
  transferred_on: string;
}

export const TRANSFER_COLUMNS = `id, member_id, district_id, org_path, from_branch_id, to_district_id, to_org_path, to_branch_id,
  status, reason, to_char(transferred_on, 'YYYY-MM-DD') AS transferred_on`;

export function toTransferView(row: TransferRow, scope: string): TransferView {
  const out = row.org_path.startsWith(scope);
  const into = row.to_org_path.startsWith(scope);
  return {
    id: row.id,
    memberId: row.member_id,
    fromBranchId: row.from_branch_id,
    fromDistrictId: row.district_id,
    toDistrictId: row.to_district_id,
    toBranchId: row.to_branch_id,
    status: row.status,
    statusLabel: row.status === 'pending' ? '待转入' : '已转入',
    reason: row.reason,
    transferredOn: row.transferred_on,
    direction: out && into ? 'within' : out ? 'out' : 'in',
  };
}
