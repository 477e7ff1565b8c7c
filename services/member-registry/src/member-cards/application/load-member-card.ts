import { NotFoundError } from '@lianxin/platform-http';
import type { EntityManager } from 'typeorm';
import type { PiiCipher } from '../../shared/infrastructure/pii-cipher';
import { CARD_MOTTO, cardPhone, cardPost, cardUrl, serviceItemLabel } from '../domain/member-card';
import type { MemberCardView } from './member-card-view';

/** The columns behind what a card prints (members joined with member_cards). */
export interface PrintedCardColumns {
  id: string;
  name: string;
  position: string | null;
  has_post: boolean;
  phone_on_card: boolean;
  mobile_cipher: Buffer;
  service_items: string[];
  pledge_text: string;
}

interface CardRow extends PrintedCardColumns {
  member_id: string;
  published_on: string;
  post_name: string | null;
}

/** What a printed card shows, for the member's own view and for the public page alike. */
export function printedCardFields(
  row: PrintedCardColumns,
  postName: string | null,
  cipher: PiiCipher,
): Pick<MemberCardView, 'cardId' | 'name' | 'post' | 'phone' | 'serviceItems' | 'pledgeText' | 'motto'> {
  return {
    cardId: row.id,
    name: row.name,
    post: cardPost(postName, row.position, row.has_post),
    // Decrypted only when it will be printed.
    phone: cardPhone(row.phone_on_card, () => cipher.decrypt(row.mobile_cipher)),
    serviceItems: row.service_items.map((code) => ({ code, label: serviceItemLabel(code) })),
    pledgeText: row.pledge_text,
    motto: CARD_MOTTO,
  };
}

export async function loadMemberCard(
  manager: EntityManager,
  cipher: PiiCipher,
  memberId: string,
  baseUrl: string,
): Promise<MemberCardView> {
  const rows = await manager.query<CardRow[]>(
    `SELECT c.id, c.member_id, m.name, m.position, m.has_post, m.phone_on_card, m.mobile_cipher, c.service_items, c.pledge_text,
            to_char(c.published_on, 'YYYY-MM-DD') AS published_on,
            (SELECT t.name FROM posts p JOIN post_types t ON t.id = p.post_type_id WHERE p.member_id = m.id AND p.active ORDER BY p.started_on DESC LIMIT 1) AS post_name
       FROM member_cards c JOIN members m ON m.id = c.member_id
      WHERE c.member_id = $1 AND m.status <> 'inactive'`,
    [memberId],
  );
  const row = rows[0];
  if (!row) throw NotFoundError.of('member card', memberId);
  return {
    ...printedCardFields(row, row.post_name, cipher),
    memberId: row.member_id,
    qrUrl: cardUrl(baseUrl, row.id),
    publishedOn: row.published_on,
  };
}
