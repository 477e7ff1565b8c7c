import { defineKafkajsScenarios } from './support/kafkajs-scenarios';
import { devBrokerTarget, type ScenarioTarget } from './support/targets';

describe('kafkajs 2.2.4 against the dev broker', () => {
  let target: ScenarioTarget;
  beforeAll(async () => {
    target = await devBrokerTarget();
  });
  afterAll(async () => {
    await target.stop();
  });

  defineKafkajsScenarios(() => target, {});
});
