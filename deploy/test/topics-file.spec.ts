import { readFileSync } from 'node:fs';
import path from 'node:path';
import { renderTopicsFile, TOPICS_FILE } from '../scripts/topics-file';

describe("the chart's topic list", () => {
  it('matches the topic catalogue in libs/contracts (run `npm run deploy:topics` after changing topics)', () => {
    const committed = readFileSync(path.resolve(__dirname, '..', '..', TOPICS_FILE), 'utf8');
    expect(committed).toBe(renderTopicsFile());
  });
});
