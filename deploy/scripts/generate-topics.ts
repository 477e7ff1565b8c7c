// npm run deploy:topics — rewrites the chart's topic list from the contracts' catalogue.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderTopicsFile, TOPICS_FILE } from './topics-file';

const target = path.resolve(__dirname, '..', '..', TOPICS_FILE);
writeFileSync(target, renderTopicsFile());
console.log(`wrote ${TOPICS_FILE}`);
