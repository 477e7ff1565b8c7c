// Row shape of `members` as read with plain SQL (snake_case columns).
export interface MemberRow {
  id: string;
  district_id: string | null;
  org_path: string;
  branch_id: string;
  name: string;
  gender: 'female' | 'male';
  ethnicity: string;
  ethnic_minority: boolean;
  birth_date: string;
  education_level: string;
  joined_at: string;
  mobile_cipher: Buffer;
  mobile_index: string;
  resident_id_cipher: Buffer;
  resident_id_index: string;
  category: string;
  has_post: boolean;
  cadre_rank: string;
  position: string | null;
  specialties: string[];
  rural: boolean;
  phone_on_card: boolean;
  status: 'active' | 'transferring' | 'inactive';
  deactivation_reason: string | null;
  deactivated_on: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export const MEMBER_COLUMNS = `id, district_id, org_path, branch_id, name, gender, ethnicity, ethnic_minority,
  to_char(birth_date, 'YYYY-MM-DD') AS birth_date, education_level, to_char(joined_at, 'YYYY-MM-DD') AS joined_at,
  mobile_cipher, mobile_index, resident_id_cipher, resident_id_index, category, has_post, cadre_rank, position,
  specialties, rural, phone_on_card, status, deactivation_reason, to_char(deactivated_on, 'YYYY-MM-DD') AS deactivated_on,
  version, created_at, updated_at`;
