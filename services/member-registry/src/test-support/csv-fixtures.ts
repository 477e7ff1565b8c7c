import { buildResidentId } from '../shared/domain/resident-id';

export const MEMBER_CSV_HEADER =
  '姓名,性别,民族,出生日期,文化程度,入党日期,手机号码,身份证号,党员类别,是否有职,干部级别,特长,是否农村,支部编码';

/** A valid member CSV row (Chinese labels, as an office spreadsheet would hold them). */
export function memberCsvRow(i: number, branchPath: string, area = '632123'): string {
  const year = 1960 + (i % 40);
  const birth = `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
  const id = buildResidentId(area, birth, (Math.floor(i / 480) % 500) * 2 + 1);
  const mobile = `13${String(100_000_000 + i).slice(-9)}`;
  return `党员${i},男,${i % 2 === 0 ? '藏族' : '汉族'},${birth},${i % 3 === 0 ? '高中' : '初中'},${year + 20}-07-01,${mobile},${id},一般党员,否,无,agri_tech,是,${branchPath}`;
}
