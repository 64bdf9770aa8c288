import { connect } from 'node:net';
import type { Started } from './proc.js';

/** Resolves when ip:port accepts a TCP connection; rejects after `timeoutMs` or when `server` has exited. */
export async function waitForPort(ip: string, port: number, timeoutMs = 20_000, server?: Started): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect({ host: ip, port });
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    if (server && (server.child.exitCode !== null || server.child.signalCode !== null)) {
      throw new Error(`${server.name} exited (${server.child.exitCode ?? server.child.signalCode}) before ${ip}:${port} listened`);
    }
    if (Date.now() > deadline) throw new Error(`nothing listens on ${ip}:${port} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
