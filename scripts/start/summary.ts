// What `npm start` prints once everything answers: where to click, where to connect.
import { type RunningPlatform } from '@lianxin/platform-runtime';

const GATEWAY = 'gateway';

function row(label: string, value: string): string {
  return `  ${label.padEnd(28)} ${value}`;
}

export function printSummary(platform: RunningPlatform, log: (line: string) => void): void {
  const lines = ['', `Lianxin is running — data in ${platform.dataDir}`];
  const gateway = platform.services.find((service) => service.name === GATEWAY);
  if (gateway) {
    lines.push(row('Gateway', gateway.url));
    for (const [label, url] of Object.entries(gateway.links)) lines.push(row(label, url));
  }
  for (const service of platform.services.filter((candidate) => candidate.name !== GATEWAY)) {
    lines.push(row(service.name, service.url));
    for (const [label, url] of Object.entries(service.links)) lines.push(row(`  ${label}`, url));
  }
  for (const { name, reason } of platform.skipped) lines.push(row(name, `not started (${reason})`));
  lines.push(row('Kafka broker', platform.kafka.brokers));
  lines.push(row('Postgres (admin)', platform.postgres.adminUrl));
  for (const line of lines) log(line);
}
