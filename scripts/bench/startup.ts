// Part 3: the CLI's start-up, against Node's own (`node -e ""`), as wall time of whole processes.
import { spawnSync } from 'node:child_process';
import { type Report, mark, ms, ratio } from './report.js';
import { median } from './measure.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const RUNS = 15;

function wall(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
  const t = performance.now() - t0;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${r.status}`);
  return t;
}

export function benchStartup(r: Report): void {
  const cli = ['lib/cli/main.js', 'samples/encrypted-chain.eml'];
  const bare = ['-e', ''];
  wall(cli);
  wall(bare);
  const tCli: number[] = [];
  const tBare: number[] = [];
  // Interleaved, so that a busy moment of the machine hits both alike.
  for (let i = 0; i < RUNS; i++) {
    tCli.push(wall(cli));
    tBare.push(wall(bare));
  }
  const c = median(tCli);
  const b = median(tBare);
  r.heading('3. CLI start-up');
  r.table(
    ['command', `median ms (${RUNS} runs)`, 'ratio', 'target', ''],
    [
      ['node lib/cli/main.js samples/encrypted-chain.eml', ms(c), ratio(c / b), '< 3x', mark(c / b < 3)],
      ['node -e ""', ms(b), '1.00x', '', ''],
    ],
  );
}
