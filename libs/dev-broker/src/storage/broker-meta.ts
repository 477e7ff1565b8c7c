import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * `<dataDir>/meta.json`: the stable cluster id and the producer-id high-water mark. Producer ids
 * are handed out from blocks; the end of the current block is persisted before any id in it is
 * used, so an id is never reused after a crash (a crash only skips the rest of a block).
 */
interface MetaFile {
  formatVersion: 1;
  clusterId: string;
  producerIdBlockEnd: number;
}

const BLOCK = 1000;

export class BrokerMeta {
  private meta: MetaFile;
  private nextProducerId: number;
  private readonly file: string;

  constructor(dataDir: string, minProducerId: number) {
    this.file = path.join(dataDir, 'meta.json');
    if (fs.existsSync(this.file)) {
      this.meta = JSON.parse(fs.readFileSync(this.file, 'utf8')) as MetaFile;
    } else {
      // 22 url-safe base64 chars, like Kafka's cluster ids.
      this.meta = {
        formatVersion: 1,
        clusterId: randomBytes(16).toString('base64url'),
        producerIdBlockEnd: 0,
      };
    }
    this.nextProducerId = Math.max(this.meta.producerIdBlockEnd, minProducerId + 1);
    this.meta.producerIdBlockEnd = this.nextProducerId;
    this.persist();
  }

  get clusterId(): string {
    return this.meta.clusterId;
  }

  allocateProducerId(): number {
    if (this.nextProducerId >= this.meta.producerIdBlockEnd) {
      this.meta.producerIdBlockEnd = this.nextProducerId + BLOCK;
      this.persist();
    }
    return this.nextProducerId++;
  }

  private persist(): void {
    const tmp = `${this.file}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(this.meta));
    const fd = fs.openSync(tmp, 'r+');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(tmp, this.file);
  }
}
