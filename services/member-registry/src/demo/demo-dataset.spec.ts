import { ageOn } from '../shared/domain/field-schemas';
import { HIGH_SCHOOL_OR_ABOVE } from '../shared/domain/labels';
import { checkResidentId } from '../shared/domain/resident-id';
import { isValidMobile } from '../shared/domain/mobile';
import { buildDemoDataset, DAHE_FIGURES, DEMO_REFERENCE_DATE, ZHENZI_FIGURES } from './demo-dataset';

describe('demo dataset', () => {
  const data = buildDemoDataset();
  const under = (prefix: string) => data.members.filter((m) => m.orgPath.startsWith(prefix));

  it('is deterministic', () => {
    const again = buildDemoDataset();
    expect(again.members.map((m) => m.id)).toEqual(data.members.map((m) => m.id));
    expect(again.members[100]).toEqual(data.members[100]);
  });

  it('reproduces seed 001 §2 for Dahe exactly', () => {
    const dahe = under('/lx/taoyuan/dahe/');
    const branches = data.units.filter((u) => u.level === 'branch' && u.path.startsWith('/lx/taoyuan/dahe/'));
    expect(branches).toHaveLength(DAHE_FIGURES.branches);
    expect(dahe).toHaveLength(DAHE_FIGURES.members);
    expect(dahe.filter((m) => m.rural)).toHaveLength(DAHE_FIGURES.rural);
    expect(dahe.filter((m) => m.gender === 'female')).toHaveLength(DAHE_FIGURES.female);
    expect(dahe.filter((m) => m.ethnicity !== '汉族')).toHaveLength(DAHE_FIGURES.minority);
    expect(dahe.filter((m) => ageOn(m.birthDate, DEMO_REFERENCE_DATE) < 45)).toHaveLength(
      DAHE_FIGURES.under45,
    );
    expect(dahe.filter((m) => HIGH_SCHOOL_OR_ABOVE.includes(m.educationLevel))).toHaveLength(
      DAHE_FIGURES.highSchoolOrAbove,
    );
  });

  it('shapes Zhenzi like seed 002', () => {
    const units = data.units.filter((u) => u.path.startsWith('/lx/xishan/zhenzi/'));
    expect(units.filter((u) => u.kind === 'village')).toHaveLength(ZHENZI_FIGURES.villages);
    expect(units.filter((u) => u.kind === 'community')).toHaveLength(ZHENZI_FIGURES.communities);
    expect(units.filter((u) => u.level === 'branch')).toHaveLength(ZHENZI_FIGURES.branches);
    expect(under('/lx/xishan/zhenzi/')).toHaveLength(ZHENZI_FIGURES.members);
    const groups = data.groups.filter((g) => g.branch.path.startsWith('/lx/xishan/zhenzi/'));
    expect(groups.filter((g) => g.groupType === 'responsibility')).toHaveLength(
      ZHENZI_FIGURES.responsibilityGroups,
    );
    expect(groups.reduce((n, g) => n + g.memberIds.length, 0)).toBeGreaterThan(1500);
  });

  it('only holds valid ID numbers and phones, each ID once, and every cadre rank', () => {
    const ids = [...data.members.map((m) => m.residentId), ...data.households.map((h) => h.residentId)];
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of data.members) {
      expect(checkResidentId(m.residentId, { birthDate: m.birthDate, today: DEMO_REFERENCE_DATE }).ok).toBe(
        true,
      );
      expect(isValidMobile(m.mobile)).toBe(true);
      expect(ageOn(m.birthDate, m.joinedAt)).toBeGreaterThanOrEqual(18);
    }
    const ranks = new Set(data.members.map((m) => m.cadreRank));
    expect([...ranks].sort()).toEqual([
      'county_leader',
      'department_head',
      'none',
      'other_cadre',
      'section_chief_or_above',
      'township_cadre',
    ]);
    expect(new Set(data.households.map((h) => h.hardshipStatus))).toEqual(
      new Set(['poor', 'low_income', 'extreme_hardship', 'none']),
    );
  });

  it('keeps party groups within 10 members with a leader inside', () => {
    for (const g of data.groups) {
      expect(g.memberIds.length).toBeLessThanOrEqual(10);
      expect(g.memberIds).toContain(g.leaderId);
    }
  });
});
