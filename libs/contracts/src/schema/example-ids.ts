// Fixed ids used by event examples, so the generated AsyncAPI document is byte-stable and the
// examples reference each other consistently (the same member, household, visit…).
const id = (n: number): string => `01936b2a-0000-7000-8000-${n.toString().padStart(12, '0')}`;

export const EXAMPLE_IDS = {
  city: id(1),
  district: id(2),
  township: id(3),
  village: id(4),
  branch: id(5),
  otherBranch: id(6),
  otherDistrict: id(7),
  member: id(10),
  otherMember: id(11),
  thirdMember: id(12),
  household: id(20),
  partyGroup: id(30),
  activity: id(31),
  postType: id(40),
  selection: id(41),
  application: id(42),
  nomination: id(43),
  objection: id(44),
  post: id(45),
  card: id(46),
  notice: id(47),
  transfer: id(48),
  pairing: id(50),
  repairingTask: id(51),
  visit: id(60),
  correction: id(61),
  grassrootsDay: id(62),
  practicalMatter: id(63),
  ticket: id(70),
  handoff: id(71),
  pledge: id(80),
  evaluation: id(81),
  spotCheck: id(90),
  callBack: id(91),
  audit: id(100),
} as const;

export const EXAMPLE_PATHS = {
  district: '/hz/xihu/',
  township: '/hz/xihu/dahe/',
  village: '/hz/xihu/dahe/v-hongqi/',
  branch: '/hz/xihu/dahe/v-hongqi/b-01/',
} as const;
