// The member business card (党员名片, 001 §3.8): name, post, phone, service items, service pledge,
// and the motto every card carries.
export const CARD_MOTTO = '我是共产党员，有困难请找我';

export const SERVICE_ITEM_LABELS: Readonly<Record<string, string>> = {
  agri_tech: '农技指导',
  animal_husbandry: '畜牧养殖',
  mediation: '矛盾调解',
  law: '法律咨询',
  health_care: '卫生健康',
  construction: '建房帮工',
  e_commerce: '电商销售',
  culture_arts: '文化文艺',
  accounting: '记账理财',
  driving: '出行帮忙',
  policy_consultation: '政策咨询',
};

export function serviceItemLabel(code: string): string {
  return SERVICE_ITEM_LABELS[code] ?? code;
}

/** The URL the QR code on a printed card carries: stable per card, no personal data in it. */
export function cardUrl(baseUrl: string, cardId: string): string {
  return `${baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`}${cardId}`;
}

/** The post a card prints: the post held (confirmed selection), else the recorded position, else 有职/无职党员. */
export function cardPost(postName: string | null, position: string | null, hasPost: boolean): string {
  return postName ?? position ?? (hasPost ? '有职党员' : '无职党员');
}

/** A phone number is printed (and so read) only when the member consented to it. */
export function cardPhone(consented: boolean, phone: () => string): string | null {
  return consented ? phone() : null;
}
