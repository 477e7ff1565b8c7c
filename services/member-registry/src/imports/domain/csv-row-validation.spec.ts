import { buildResidentId } from '../../shared/domain/resident-id';
import { resolveHeaders, validateHouseholdRow, validateMemberRow } from './csv-row-validation';

const TODAY = '2026-06-30';
const wrongCheckDigit = (id: string): string => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
const header = [
  '姓名',
  '性别',
  '民族',
  '出生日期',
  '文化程度',
  '入党日期',
  '手机号码',
  '身份证号',
  '党员类别',
  '是否有职',
  '干部级别',
  '特长',
  '是否农村',
  '支部编码',
];

function row(overrides: Partial<Record<string, string>> = {}): string[] {
  const base: Record<string, string> = {
    姓名: '张三',
    性别: '男',
    民族: '藏族',
    出生日期: '1985/3/7',
    文化程度: '高中',
    入党日期: '2008-07-01',
    手机号码: '139 1234 5678',
    身份证号: buildResidentId('632122', '1985-03-07', 11),
    党员类别: '一般党员',
    是否有职: '否',
    干部级别: '无',
    特长: 'agri_tech、mediation',
    是否农村: '是',
    支部编码: 'b-01',
  };
  return header.map((h) => overrides[h] ?? base[h]);
}

describe('CSV member rows', () => {
  const { fields, errors } = resolveHeaders('members', header);

  it('understands Chinese headers and labels', () => {
    expect(errors).toEqual([]);
    const result = validateMemberRow(2, fields, row(), TODAY);
    expect(result).toMatchObject({
      ok: true,
      value: {
        gender: 'male',
        educationLevel: 'senior_high',
        birthDate: '1985-03-07',
        mobile: '13912345678',
        category: 'ordinary',
        rural: true,
        specialties: ['agri_tech', 'mediation'],
      },
    });
  });

  it('reports row, field and reason for each problem', () => {
    const result = validateMemberRow(
      7,
      fields,
      row({
        身份证号: wrongCheckDigit(buildResidentId('632122', '1985-03-07', 11)),
        手机号码: '12345',
        性别: '未知',
      }),
      TODAY,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.row, e.field])).toEqual(
      expect.arrayContaining([
        [7, 'residentId'],
        [7, 'mobile'],
        [7, 'gender'],
      ]),
    );
    expect(result.errors.find((e) => e.field === 'residentId')?.reason).toContain('check digit');
  });

  it('rejects an ID number whose birth date differs from the birth date column', () => {
    const result = validateMemberRow(3, fields, row({ 出生日期: '1985-03-08' }), TODAY);
    expect(result).toEqual({
      ok: false,
      errors: [{ row: 3, field: 'residentId', reason: 'birth date in the ID number differs from birthDate' }],
    });
  });

  it('rejects joining before 18 and a cadre rank outside the cadre category', () => {
    const result = validateMemberRow(4, fields, row({ 入党日期: '2000-01-01', 干部级别: '乡镇干部' }), TODAY);
    expect(result.ok ? [] : result.errors.map((e) => e.field).sort()).toEqual(['cadreRank', 'joinedAt']);
  });

  it('reports unknown and missing columns on row 1', () => {
    expect(resolveHeaders('members', ['姓名', '爱好']).errors).toEqual(
      expect.arrayContaining([
        { row: 1, field: '爱好', reason: 'unknown column' },
        { row: 1, field: 'branchCode', reason: 'required column is missing' },
      ]),
    );
  });
});

describe('CSV household rows', () => {
  const header2 = ['户主姓名', '住址', '家庭人口', '困难类型', '需求', '村社区编码', '联系电话'];
  const { fields } = resolveHeaders('households', header2);

  it('accepts a household with hardship label and optional phone left blank', () => {
    expect(
      validateHouseholdRow(2, fields, [
        '李四',
        '红旗村3组12号',
        '4',
        '低收入户',
        'schooling',
        'v-hongqi',
        '',
      ]),
    ).toMatchObject({
      ok: true,
      value: { hardshipStatus: 'low_income', size: 4, mobile: null, needs: ['schooling'] },
    });
  });

  it('names a non-numeric size', () => {
    const result = validateHouseholdRow(5, fields, ['李四', '红旗村', '四口', '', '', 'v-hongqi', '']);
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(['size']);
  });

  it('names a cell holding U+0000 (Postgres cannot store it) instead of failing the insert', () => {
    const result = validateHouseholdRow(6, fields, ['李四', '红旗\u0000村', '4', '', '', 'v-hongqi', '']);
    expect(result).toEqual({
      ok: false,
      errors: [{ row: 6, field: 'address', reason: 'must not contain the NUL character (U+0000)' }],
    });
  });
});
