import { type PairingOrmEntity } from '../infrastructure/pairing.orm-entity';
import { type PairingView } from './pairings.schemas';

export function toPairingView(row: PairingOrmEntity): PairingView {
  return {
    id: row.id,
    districtId: row.districtId,
    orgPath: row.orgPath,
    householdId: row.householdId,
    cadreId: row.cadreId,
    cadreRank: row.cadreRank,
    selection: row.selection,
    status: row.status === 'active' ? 'active' : 'ended',
    startedOn: row.startedOn,
    endedOn: row.endedOn,
    endReason: row.endReason,
  };
}
