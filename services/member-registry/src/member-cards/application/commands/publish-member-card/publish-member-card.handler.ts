import { Inject, Injectable } from '@nestjs/common';
import { memberCardPublishedV1 } from '@lianxin/contracts';
import type { Actor } from '@lianxin/auth';
import { ConflictError } from '@lianxin/platform-http';
import { inTransaction } from '@lianxin/platform-persistence';
import type { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { requireMember } from '../../../../members/infrastructure/member.repository';
import { publish } from '../../../../shared/application/event-factory';
import {
  PII_CIPHER,
  REGISTRY_DATA_SOURCE,
  REGISTRY_SETTINGS,
  type RegistrySettings,
} from '../../../../shared/application/registry-tokens';
import { codeSchema } from '../../../../shared/domain/field-schemas';
import type { PiiCipher } from '../../../../shared/infrastructure/pii-cipher';
import { CARD_MOTTO } from '../../../domain/member-card';
import { loadMemberCard } from '../../load-member-card';
import type { MemberCardView } from '../../member-card-view';

export const publishMemberCardBody = z.strictObject({
  serviceItems: z.array(codeSchema).min(1).max(20),
  pledgeText: z.string().trim().min(1).max(200).default(CARD_MOTTO),
  /** The member's consent to print the phone number; updates the member record. */
  phoneOnCard: z.boolean().optional(),
});
export type PublishMemberCardCommand = z.output<typeof publishMemberCardBody> & { memberId: string };

@Injectable()
export class PublishMemberCardHandler {
  constructor(
    @Inject(REGISTRY_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(PII_CIPHER) private readonly cipher: PiiCipher,
    @Inject(REGISTRY_SETTINGS) private readonly settings: RegistrySettings,
  ) {}

  /** Creates or reprints the card; the card id (and so the QR URL) stays the same across reprints. */
  execute(command: PublishMemberCardCommand, actor: Actor): Promise<MemberCardView> {
    return inTransaction(this.dataSource, actor.scope, async (tx) => {
      const member = await requireMember(tx.manager, command.memberId, true);
      if (member.status === 'inactive')
        throw new ConflictError('the member is no longer on the roll', { allowed: [] });
      if (command.phoneOnCard !== undefined && command.phoneOnCard !== member.phone_on_card) {
        await tx.manager.query(
          'UPDATE members SET phone_on_card = $2, version = version + 1, updated_at = now() WHERE id = $1',
          [member.id, command.phoneOnCard],
        );
      }
      const today = this.settings.today();
      const [card] = await tx.manager.query<{ id: string }[]>(
        `INSERT INTO member_cards (id, member_id, district_id, org_path, service_items, pledge_text, published_on) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (member_id) DO UPDATE SET service_items = EXCLUDED.service_items, pledge_text = EXCLUDED.pledge_text,
           published_on = EXCLUDED.published_on, updated_at = now()
         RETURNING id`,
        [
          uuidv7(),
          member.id,
          member.district_id,
          member.org_path,
          command.serviceItems,
          command.pledgeText,
          today,
        ],
      );
      const view = await loadMemberCard(tx.manager, this.cipher, member.id, this.settings.memberCardBaseUrl);
      const posts = await tx.manager.query<{ id: string }[]>(
        'SELECT id FROM posts WHERE member_id = $1 AND active ORDER BY started_on DESC LIMIT 1',
        [member.id],
      );
      publish(
        tx,
        memberCardPublishedV1,
        actor,
        'registry.member.write',
        { districtId: member.district_id, orgPath: member.org_path, aggregateId: member.id },
        {
          memberId: member.id,
          cardId: card.id,
          postId: posts[0]?.id ?? null,
          serviceItemCodes: command.serviceItems,
          pledgeIds: [],
          phoneShown: view.phone !== null,
          publishedOn: today,
        },
      );
      return view;
    });
  }
}
