import type { Role } from '../actor/roles';

/**
 * THE permission matrix: which roles may perform each action. It is the only place permissions
 * are decided; the gateway and every service read it (through `can`), and libs/auth/README.md
 * shows it as a table (a test keeps the two identical).
 *
 * Principles:
 * - Scope limits *where* (org path), this matrix limits *what*: a district admin may write
 *   members, but only inside their district's path.
 * - `auditor` reads everything except personal data (`*.read-sensitive`: need-to-know) and
 *   writes nothing; it is the only non-admin role that reads the gateway audit log.
 * - Fund roles touch the ledger only; treasurers record, approvers approve (separation of duties).
 * - Members act on their own work (visits, pledges, tickets, votes); secretaries run their branch.
 *
 * Actions are `<service>.<resource>.<verb>`. Ledger, assessment and disclosure entries are
 * placeholders until those services exist; adjust them with the service, here only.
 */
export const PERMISSION_MATRIX = {
  // member-registry
  'registry.org-unit.read': [
    'city_admin',
    'district_admin',
    'township_admin',
    'branch_secretary',
    'member',
    'auditor',
    'fund_treasurer',
    'fund_approver',
  ],
  'registry.org-unit.write': ['city_admin', 'district_admin', 'township_admin'],
  'registry.member.read': ['city_admin', 'district_admin', 'township_admin', 'branch_secretary', 'auditor'],
  'registry.member.write': ['city_admin', 'district_admin', 'township_admin', 'branch_secretary'],
  'registry.member.transfer': ['city_admin', 'district_admin', 'township_admin'],
  'registry.member.import': ['city_admin', 'district_admin'],
  'registry.member.read-sensitive': ['city_admin', 'district_admin'],
  'registry.household.read': [
    'city_admin',
    'district_admin',
    'township_admin',
    'branch_secretary',
    'member',
    'auditor',
  ],
  'registry.household.write': ['city_admin', 'district_admin', 'township_admin', 'branch_secretary'],
  'registry.household.read-sensitive': ['city_admin', 'district_admin', 'township_admin'],
  'registry.party-group.read': [
    'city_admin',
    'district_admin',
    'township_admin',
    'branch_secretary',
    'member',
    'auditor',
  ],
  'registry.party-group.write': ['city_admin', 'district_admin', 'township_admin', 'branch_secretary'],
  'registry.post.read': [
    'city_admin',
    'district_admin',
    'township_admin',
    'branch_secretary',
    'member',
    'auditor',
  ],
  'registry.post.write': ['city_admin', 'district_admin', 'township_admin', 'branch_secretary'],
  'registry.post.vote': ['branch_secretary', 'member'],
  'registry.statistics.read': [
    'city_admin',
    'district_admin',
    'township_admin',
    'branch_secretary',
    'auditor',
  ],
  // pairing-visits
  'pairing.pairing.read': [
    'city_admin',
    'district_admin',
    'township_admin',
    'branch_secretary',
    'member',
    'auditor',
  ],
  'pairing.pairing.write': ['city_admin', 'district_admin', 'township_admin', 'branch_secretary'],
  'pairing.visit.read': [
    'city_admin',
    'district_admin',
    'township_admin',
    'branch_secretary',
    'member',
    'auditor',
  ],
  'pairing.visit.write': ['township_admin', 'branch_secretary', 'member'],
  'pairing.ticket.read': [
    'city_admin',
    'district_admin',
    'township_admin',
    'branch_secretary',
    'member',
    'auditor',
  ],
  'pairing.ticket.write': ['city_admin', 'district_admin', 'township_admin', 'branch_secretary', 'member'],
  'pairing.pledge.read': [
    'city_admin',
    'district_admin',
    'township_admin',
    'branch_secretary',
    'member',
    'auditor',
  ],
  'pairing.pledge.write': ['township_admin', 'branch_secretary', 'member'],
  'pairing.spot-check.read': ['city_admin', 'district_admin', 'township_admin', 'auditor'],
  'pairing.spot-check.write': ['city_admin', 'district_admin', 'township_admin'],
  'pairing.quota.read': [
    'city_admin',
    'district_admin',
    'township_admin',
    'branch_secretary',
    'member',
    'auditor',
  ],
  'pairing.quota.configure': ['city_admin', 'district_admin'],
  // gateway
  'gateway.audit.read': ['city_admin', 'district_admin', 'auditor'],
  // fund-ledger (placeholder)
  'ledger.account.read': ['city_admin', 'district_admin', 'auditor', 'fund_treasurer', 'fund_approver'],
  'ledger.receipt.write': ['fund_treasurer'],
  'ledger.disbursement.request': ['fund_treasurer'],
  'ledger.disbursement.approve': ['fund_approver'],
  'ledger.report.read': [
    'city_admin',
    'district_admin',
    'township_admin',
    'auditor',
    'fund_treasurer',
    'fund_approver',
  ],
  // assessment (placeholder)
  'assessment.scheme.read': [
    'city_admin',
    'district_admin',
    'township_admin',
    'branch_secretary',
    'member',
    'auditor',
  ],
  'assessment.scheme.configure': ['city_admin', 'district_admin'],
  'assessment.round.read': [
    'city_admin',
    'district_admin',
    'township_admin',
    'branch_secretary',
    'member',
    'auditor',
  ],
  'assessment.round.write': ['city_admin', 'district_admin', 'township_admin'],
  'assessment.score.write': ['district_admin', 'township_admin', 'branch_secretary'],
  // public-disclosure (placeholder)
  'disclosure.notice.read': [
    'city_admin',
    'district_admin',
    'township_admin',
    'branch_secretary',
    'member',
    'auditor',
  ],
  'disclosure.notice.write': ['city_admin', 'district_admin', 'township_admin'],
  'disclosure.objection.read': ['city_admin', 'district_admin', 'township_admin', 'auditor'],
  'disclosure.objection.resolve': ['city_admin', 'district_admin', 'township_admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSION_MATRIX;

export const ACTIONS = Object.keys(PERMISSION_MATRIX) as Action[];
