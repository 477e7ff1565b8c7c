import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  ClientKafka,
  EventPattern,
  MessagePattern,
  Payload,
  RpcException,
  Transport,
  type MicroserviceOptions,
} from '@nestjs/microservices';
import { type INestMicroservice } from '@nestjs/common';
import { lastValueFrom } from 'rxjs';
import { type RunningBroker } from '../src';
import { eventually, kafkaFor, startTestBroker, uniqueName } from './support/broker-fixture';

const received: unknown[] = [];

@Controller()
class MathController {
  @MessagePattern('math.sum')
  sum(@Payload() numbers: number[]): { sum: number } {
    return { sum: numbers.reduce((a, b) => a + b, 0) };
  }

  @MessagePattern('math.fail')
  fail(): never {
    throw new RpcException('boom');
  }

  @EventPattern('user.created')
  created(@Payload() event: unknown): void {
    received.push(event);
  }
}

@Module({ controllers: [MathController] })
class MathModule {}

const consumerSettings = {
  sessionTimeout: 6000,
  heartbeatInterval: 500,
  maxWaitTimeInMs: 100,
  rebalanceTimeout: 10_000,
};

describe('NestJS ServerKafka + ClientKafka (@nestjs/microservices 11) against the dev broker', () => {
  let broker: RunningBroker;
  let server: INestMicroservice;
  let client: ClientKafka;

  beforeAll(async () => {
    broker = await startTestBroker();
    // Topics (reply topics included) are created up front, as production must; auto-creation is covered by the kafkajs tests.
    const admin = kafkaFor(broker.brokers).admin();
    await admin.connect();
    await admin.createTopics({
      topics: ['math.sum', 'math.sum.reply', 'math.fail', 'math.fail.reply', 'user.created'].map((topic) => ({
        topic,
      })),
    });
    await admin.disconnect();
    const group = uniqueName('nest');
    server = await NestFactory.createMicroservice<MicroserviceOptions>(MathModule, {
      logger: false,
      transport: Transport.KAFKA,
      options: {
        client: { brokers: [broker.brokers], clientId: 'math', logLevel: 0 },
        consumer: { groupId: group, ...consumerSettings },
        subscribe: { fromBeginning: true },
      },
    });
    await server.listen();
    client = new ClientKafka({
      client: { brokers: [broker.brokers], clientId: 'math-caller', logLevel: 0 },
      consumer: { groupId: `${group}-caller`, ...consumerSettings },
      subscribe: { fromBeginning: true },
    });
    client.subscribeToResponseOf('math.sum');
    client.subscribeToResponseOf('math.fail');
    await client.connect();
  }, 60_000);

  afterAll(async () => {
    await client.close();
    await server.close();
    await broker.stop();
  });

  it('answers request-reply through the <pattern>.reply topic', async () => {
    const replies = await Promise.all(
      [[1, 2, 3], [10, 20], [5]].map((numbers) =>
        lastValueFrom(client.send<{ sum: number }>('math.sum', numbers)),
      ),
    );
    expect(replies).toEqual([{ sum: 6 }, { sum: 30 }, { sum: 5 }]);
  }, 30_000);

  it('carries a handler error back in the reply headers', async () => {
    const error: unknown = await lastValueFrom(client.send('math.fail', {})).catch((err: unknown) => err);
    expect(JSON.stringify(error)).toContain('boom');
  }, 30_000);

  it('delivers an emitted event exactly once', async () => {
    const id = uniqueName('user');
    await lastValueFrom(client.emit('user.created', { id }));
    await eventually(() => received.some((e) => (e as { id?: string }).id === id), 15_000, 'the event');
    await new Promise((r) => setTimeout(r, 300));
    expect(received.filter((e) => (e as { id?: string }).id === id)).toHaveLength(1);
  }, 30_000);
});
