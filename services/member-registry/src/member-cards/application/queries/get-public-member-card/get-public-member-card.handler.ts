import { Inject, Injectable } from '@nestjs/common';
import { setRlsScope } from '@lianxin/auth';
import { NotFoundError } from '@lianxin/platform-http';
import { inTransaction, SYSTEM_SCOPE } from '@lianxin/platform-persistence';
import type { DataSource } from 'typeorm';
import { PII_CIPHER, REGISTRY_DATA_SOURCE } from '../../../../shared/application/registry-tokens';
import type { PiiCipher } from '../../../../shared/infrastructure/pii-cipher';
import { printedCardFields, type PrintedCardColumns } from '../../load-member-card';
import type { PublicMemberCardView } from '../../public-member-card-view';

interface CardLocation {
  org_path: string;
  post_name: string | null;
}

/**
 * The card behind a QR code, for anyone (no token). A narrow system read: one read-only
 * transaction that first, at system scope, finds only where the card lives and the name of the
 * member's current post (post types may be defined by a unit above the member's), then narrows
 * row-level security to the card's own org unit and reads the printed fields of that one card.
 * Nothing else can come back: the statements are fixed, keyed by card id, and the view has no
 * field beyond what the card prints.
 */
@Injectable()
export class GetPublicMemberCardHandler {
  constructor(
    @Inject(REGISTRY_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(PII_CIPHER) private readonly cipher: PiiCipher,
  ) {}

  execute(cardId: string): Promise<PublicMemberCardView> {
    return inTransaction(this.dataSource, SYSTEM_SCOPE, async (tx) => {
      await tx.manager.query('SET TRANSACTION READ ONLY');
      const located = await tx.manager.query<CardLocation[]>(
        `SELECT c.org_path,
                (SELECT t.name FROM posts p JOIN post_types t ON t.id = p.post_type_id
                  WHERE p.member_id = c.member_id AND p.active ORDER BY p.started_on DESC LIMIT 1) AS post_name
           FROM member_cards c
          WHERE c.id = $1`,
        [cardId],
      );
      const location = located[0];
      if (!location) throw NotFoundError.of('member card', cardId);
      await setRlsScope(tx.manager, location.org_path);
      const rows = await tx.manager.query<PrintedCardColumns[]>(
        `SELECT c.id, m.name, m.position, m.has_post, m.phone_on_card, m.mobile_cipher, c.service_items, c.pledge_text
           FROM member_cards c JOIN members m ON m.id = c.member_id
          WHERE c.id = $1 AND m.status <> 'inactive'`,
        [cardId],
      );
      const row = rows[0];
      if (!row) throw NotFoundError.of('member card', cardId);
      return printedCardFields(row, location.post_name, this.cipher);
    });
  }
}
