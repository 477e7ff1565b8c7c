import { cardPhone, cardUrl, serviceItemLabel } from './member-card';

describe('member card', () => {
  it('shows the phone only with consent', () => {
    expect(cardPhone(true, () => '13912345678')).toBe('13912345678');
    expect(cardPhone(false, () => '13912345678')).toBeNull();
  });
  it('builds the QR URL from the card id only', () => {
    expect(cardUrl('https://x.cn/cards', 'abc')).toBe('https://x.cn/cards/abc');
    expect(cardUrl('https://x.cn/cards/', 'abc')).toBe('https://x.cn/cards/abc');
  });
  it('labels known service items in Chinese', () => {
    expect(serviceItemLabel('agri_tech')).toBe('农技指导');
    expect(serviceItemLabel('custom_item')).toBe('custom_item');
  });
});
