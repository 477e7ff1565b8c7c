import {
  ticketAcceptedV1,
  ticketClosedV1,
  ticketEscalatedV1,
  ticketFeedbackGivenV1,
  ticketHandOffAcceptedV1,
  ticketHandOffRequestedV1,
  ticketResolvedV1,
} from '@lianxin/contracts';
import { type TransactionContext } from '@lianxin/platform-persistence';
import { ConflictError, ForbiddenError, NotFoundError } from '@lianxin/platform-http';
import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { OrgUnitOrmEntity } from '../../../../projections/infrastructure/org-unit.orm-entity';
import { activeMemberOr404 } from '../../../../projections/infrastructure/member.repository';
import { type CommandContext } from '../../../../shared/application/command-context';
import { PairingDatabase } from '../../../../shared/application/pairing-database';
import { publishEvent } from '../../../../shared/application/publish-event';
import { shanghaiDate, yearOf } from '../../../../shared/domain/business-date';
import { townshipOf } from '../../../../shared/domain/org-path';
import {
  allowedActions,
  nextStatus,
  TicketTransitionError,
  type TicketAction,
  type TicketStatus,
} from '../../../domain/ticket-status';
import { bumpTally } from '../../../../quota-progress/infrastructure/quota-tally.writer';
import { TicketHistoryOrmEntity } from '../../../infrastructure/ticket-history.orm-entity';
import { TicketOrmEntity } from '../../../infrastructure/ticket.orm-entity';
import { asStatus, toTicketView } from '../../ticket-view';
import { type TicketView, type TransitionInput } from '../../tickets.schemas';
import { withinReach } from '../../../../shared/infrastructure/reach';

const ADMIN_ROLES = new Set(['city_admin', 'district_admin', 'township_admin', 'branch_secretary']);

function isAdmin(context: CommandContext): boolean {
  return context.actor.roles.some((role) => ADMIN_ROLES.has(role));
}

/**
 * Moves a ticket through its workflow. The owner (or a secretary/admin over the place) acts on
 * it; a hand-off or escalation stays pending — the previous owner remains responsible — until the
 * receiver accepts it. A wrong step is a 409 naming the steps allowed now.
 */
@Injectable()
export class TransitionTicketHandler {
  constructor(private readonly db: PairingDatabase) {}

  async execute(context: CommandContext, id: string, input: TransitionInput): Promise<TicketView> {
    return this.db.run(context.actor.scope, async (tx) => {
      const tickets = tx.manager.getRepository(TicketOrmEntity);
      const ticket = await tickets
        .createQueryBuilder('t')
        .setLock('pessimistic_write')
        .where('t.id = :id', { id })
        .getOne();
      if (!ticket || !(await withinReach(tx.manager, context.actor.scope, ticket.orgPath)))
        throw NotFoundError.of('ticket', id);
      const from = asStatus(ticket.status);
      const domainAction: TicketAction = input.action === 'hand_off' ? 'escalate' : input.action;
      let to: TicketStatus;
      try {
        to = nextStatus(
          from,
          domainAction,
          ticket.statusBeforeHandoff ? asStatus(ticket.statusBeforeHandoff) : null,
        );
      } catch (error) {
        if (error instanceof TicketTransitionError)
          throw new ConflictError(error.message, { allowed: allowedActions(from) });
        throw error;
      }
      const target = { aggregateId: ticket.id, districtId: ticket.districtId, orgUnitPath: ticket.orgPath };
      const today = shanghaiDate(context.now);
      let reason: string | null = null;

      switch (input.action) {
        case 'accept': {
          const memberId = input.memberId ?? context.actor.id;
          this.assertOwnerOrAdmin(context, ticket, memberId);
          if (ticket.ownerMemberId === null) {
            // 首问负责 for hotline/online tickets: whoever accepts first becomes the owner.
            await activeMemberOr404(tx.manager, memberId, ticket.districtId);
            ticket.ownerMemberId = memberId;
            ticket.firstAskedMemberId ??= memberId;
          }
          ticket.acceptedAt = context.now;
          publishEvent(tx, context, ticketAcceptedV1, target, {
            ticketId: ticket.id,
            memberId: ticket.ownerMemberId,
            postId: null,
          });
          break;
        }
        case 'start':
          this.assertOwnerOrAdmin(context, ticket);
          break;
        case 'escalate':
        case 'hand_off': {
          this.assertOwnerOrAdmin(context, ticket);
          if (ticket.ownerMemberId === null)
            throw new ConflictError('accept the ticket before handing it on', { allowed: ['accept'] });
          ticket.handoffId = uuidv7();
          ticket.statusBeforeHandoff = from;
          ticket.handoffReason = input.reason;
          reason = input.reason;
          if (input.action === 'escalate') {
            const unit = await tx.manager
              .getRepository(OrgUnitOrmEntity)
              .findOne({ where: { id: input.toUnitId } });
            // Escalation goes to a branch or the township of the ticket's own township (branches sit
            // under villages, beside the households), never to another township or district.
            const township = townshipOf(ticket.orgPath) ?? ticket.orgPath;
            if (
              !unit ||
              unit.districtId !== ticket.districtId ||
              unit.level !== input.level ||
              !unit.orgPath.startsWith(township)
            ) {
              throw NotFoundError.of('org unit', input.toUnitId);
            }
            ticket.handoffToUnitId = unit.id;
            ticket.handoffToMemberId = null;
            ticket.handoffLevel = input.level;
            publishEvent(tx, context, ticketEscalatedV1, target, {
              ticketId: ticket.id,
              level: input.level,
              toUnitId: unit.id,
              reasonCode: input.reasonCode,
            });
          } else {
            await activeMemberOr404(tx.manager, input.toMemberId, ticket.districtId);
            ticket.handoffToMemberId = input.toMemberId;
            ticket.handoffToUnitId = null;
            ticket.handoffLevel = null;
            publishEvent(tx, context, ticketHandOffRequestedV1, target, {
              ticketId: ticket.id,
              handOffId: ticket.handoffId,
              fromMemberId: ticket.ownerMemberId,
              toMemberId: input.toMemberId,
              reasonCode: input.reasonCode,
            });
          }
          break;
        }
        case 'accept_handoff': {
          const receiver = input.memberId ?? context.actor.id;
          await this.assertReceiver(tx, context, ticket, receiver);
          await activeMemberOr404(tx.manager, receiver, ticket.districtId);
          const previousOwner = ticket.ownerMemberId ?? receiver;
          publishEvent(tx, context, ticketHandOffAcceptedV1, target, {
            ticketId: ticket.id,
            handOffId: ticket.handoffId ?? uuidv7(),
            fromMemberId: previousOwner,
            toMemberId: receiver,
          });
          ticket.ownerMemberId = receiver;
          ticket.acceptedAt = context.now;
          this.clearHandoff(ticket);
          break;
        }
        case 'decline_handoff': {
          await this.assertReceiver(tx, context, ticket, context.actor.id);
          reason = input.reason;
          this.clearHandoff(ticket);
          break;
        }
        case 'resolve': {
          this.assertOwnerOrAdmin(context, ticket);
          ticket.resolvedAt = context.now;
          ticket.resolvedYear = yearOf(today);
          ticket.resolvedByMemberId = ticket.ownerMemberId;
          ticket.resolutionCode = input.resolutionCode;
          ticket.resolution = input.resolution;
          if (ticket.ownerMemberId === null)
            throw new ConflictError('accept the ticket before resolving it', { allowed: ['accept'] });
          if (input.resolutionCode === 'solved' || input.resolutionCode === 'partially_solved') {
            await bumpTally(
              tx,
              { memberId: ticket.ownerMemberId, year: ticket.resolvedYear, placePath: ticket.orgPath },
              { ticketsSolved: 1 },
              context.now,
            );
          }
          publishEvent(tx, context, ticketResolvedV1, target, {
            ticketId: ticket.id,
            resolvedByMemberId: ticket.ownerMemberId,
            resolutionCode: input.resolutionCode,
            practicalMatterId: null,
            categoryCode: ticket.category,
          });
          break;
        }
        case 'give_feedback': {
          this.assertOwnerOrAdmin(context, ticket);
          ticket.feedbackChannel = input.channel;
          ticket.feedbackAt = context.now;
          publishEvent(tx, context, ticketFeedbackGivenV1, target, {
            ticketId: ticket.id,
            memberId: ticket.ownerMemberId ?? ticket.resolvedByMemberId ?? context.actor.id,
            channel: input.channel,
            givenOn: today,
          });
          break;
        }
        case 'close': {
          this.assertOwnerOrAdmin(context, ticket);
          ticket.satisfaction = input.satisfaction;
          ticket.closedAt = context.now;
          const minutes = Math.max(
            0,
            Math.floor((context.now.getTime() - ticket.receivedAt.getTime()) / 60_000),
          );
          publishEvent(tx, context, ticketClosedV1, target, {
            ticketId: ticket.id,
            satisfaction: input.satisfaction,
            handlingMinutes: minutes,
            withinDeadline: (ticket.resolvedAt ?? context.now) <= ticket.resolveDueAt,
          });
          break;
        }
      }
      ticket.status = to;
      ticket.version += 1;
      ticket.updatedAt = context.now;
      await tickets.save(ticket);
      await tx.manager.getRepository(TicketHistoryOrmEntity).insert({
        id: uuidv7(),
        districtId: ticket.districtId,
        orgPath: ticket.orgPath,
        ticketId: ticket.id,
        action: input.action,
        fromStatus: from,
        toStatus: to,
        actorId: context.actor.id,
        reason,
        at: context.now,
      });
      return toTicketView(ticket, context.now);
    });
  }

  private assertOwnerOrAdmin(
    context: CommandContext,
    ticket: TicketOrmEntity,
    acting: string = context.actor.id,
  ): void {
    if (isAdmin(context)) return;
    const owner = ticket.ownerMemberId;
    if (owner !== null ? owner !== context.actor.id : acting !== context.actor.id) {
      throw new ForbiddenError(
        'only the member responsible for the ticket (or a secretary/admin) may do this',
      );
    }
  }

  /** The member named in a hand-off, or for an escalation a secretary/admin whose scope covers the receiving unit. */
  private async assertReceiver(
    tx: TransactionContext,
    context: CommandContext,
    ticket: TicketOrmEntity,
    receiver: string,
  ): Promise<void> {
    if (ticket.handoffToMemberId !== null) {
      if (receiver !== ticket.handoffToMemberId || (receiver !== context.actor.id && !isAdmin(context))) {
        throw new ForbiddenError('only the receiving member accepts or declines this hand-off');
      }
      return;
    }
    const unit = ticket.handoffToUnitId
      ? await tx.manager.getRepository(OrgUnitOrmEntity).findOne({ where: { id: ticket.handoffToUnitId } })
      : null;
    if (!unit || !isAdmin(context) || !unit.orgPath.startsWith(context.actor.scope)) {
      throw new ForbiddenError('only the receiving branch or township accepts or declines this escalation');
    }
  }

  private clearHandoff(ticket: TicketOrmEntity): void {
    ticket.statusBeforeHandoff = null;
    ticket.handoffId = null;
    ticket.handoffToMemberId = null;
    ticket.handoffToUnitId = null;
    ticket.handoffLevel = null;
    ticket.handoffReason = null;
  }
}
