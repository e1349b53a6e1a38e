import { createConnection, type Socket } from 'node:net';
import { EventEmitter } from 'node:events';

const SB = 0x0b;
const EB = 0x1c;
const CR = 0x0d;

export interface Hl7TransportOptions {
  host: string;
  port: number;
  /** Milliseconds to wait for the ACK. */
  ackTimeout?: number;
}

/** A persistent MLLP connection to a downstream system, with one outstanding message at a time. */
export class Hl7Transport extends EventEmitter {
  private socket?: Socket;
  private buffer = Buffer.alloc(0);

  constructor(private readonly options: Hl7TransportOptions) {
    super();
  }

  open(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.socket = createConnection(this.options.port, this.options.host, resolve);
      this.socket.once('error', reject);
      this.socket.on('data', (chunk) => this.onData(chunk));
    });
  }

  send(message: string): void {
    const body = Buffer.from(message.replace(/\n/g, '\r'), 'utf8');
    this.socket!.write(Buffer.concat([Buffer.from([SB]), body, Buffer.from([EB, CR])]));
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    const end = this.buffer.indexOf(EB);
    if (end < 0) return;
    this.emit('ack', this.buffer.subarray(1, end).toString('utf8'));
    this.buffer = this.buffer.subarray(end + 2);
  }
}
