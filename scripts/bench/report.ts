// The bench's report: aligned tables that read well in a terminal and are valid Markdown, PASS/MISS marks,
// and a line about the machine the numbers came from.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

export class Report {
  private readonly lines: string[] = [];

  heading(text: string): void {
    this.out(`\n## ${text}\n`);
  }

  para(text: string): void {
    this.out(`${text}\n`);
  }

  table(head: string[], rows: string[][]): void {
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
    const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
    this.out([line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line), ''].join('\n'));
  }

  /** Prints at once (a long run shows its progress) and keeps the text for the Markdown file. */
  out(text: string): void {
    console.log(text);
    this.lines.push(text);
  }

  markdown(): string {
    return `${this.lines.join('\n').trim()}\n`;
  }
}

export const mark = (ok: boolean) => (ok ? 'PASS' : 'MISS');

/** Milliseconds with 2 significant decimals below 10, 1 above. */
export function ms(n: number): string {
  return n < 10 ? n.toFixed(2) : n.toFixed(1);
}

export function us(n: number): string {
  return n < 10 ? n.toFixed(2) : n.toFixed(1);
}

export function ratio(n: number): string {
  return `${n.toFixed(2)}x`;
}

function chromiumVersion(): string | null {
  const r = spawnSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8', timeout: 10_000 });
  return r.status === 0 ? r.stdout.replace(/ built on .*/s, '').trim() : null;
}

function osName(): string {
  try {
    return /^PRETTY_NAME="?([^"\n]*)/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? process.platform;
  } catch {
    return process.platform;
  }
}

/** The machine, and its 1-minute load average when the bench started (`load`): other work skews figures. */
export function machine(load: number): string {
  let cpu = cpus()[0]?.model ?? 'unknown CPU';
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpu;
  } catch {
    // not Linux: os.cpus() has the model
  }
  const date = new Date().toISOString().replace('T', ' ').slice(0, 16);
  const browser = chromiumVersion();
  return `${date} UTC; ${cpu}, ${cpus().length} cores; ${osName()}; Node ${process.version}${browser ? `; ${browser}` : ''}; load average ${load.toFixed(2)} at start.`;
}
