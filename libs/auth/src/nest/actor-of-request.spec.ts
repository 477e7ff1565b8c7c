import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { type Actor } from '../actor/actor';
import { actorOfRequest, rememberActor } from './actor-of-request';

const actor: Actor = {
  id: 'member-1',
  name: 'Member One',
  roles: ['district_admin'],
  scope: '/lx/taoyuan/',
  districtId: '0190a000-0000-7000-8000-000000000001',
};

describe('actorOfRequest', () => {
  it('returns the actor remembered for that request, and nothing for another', () => {
    const verified = new IncomingMessage(new Socket());
    const other = new IncomingMessage(new Socket());
    rememberActor(verified, actor);
    expect(actorOfRequest(verified)).toBe(actor);
    expect(actorOfRequest(other)).toBeUndefined();
  });
});
