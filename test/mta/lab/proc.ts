// Every process the lab starts, and the one way to stop them all.
//
// Each server runs as PID 1 of its own PID, mount and UTS namespace:
//   setpriv --pdeathsig KILL -- unshare -m -u -p -f --kill-child --mount-proc sh setup.sh
// Killing the recorded unshare PID makes the kernel kill the namespace's PID 1, and with it every
// process of that server (forked SMTP sessions, delivery agents). `--pdeathsig` does the same if the
// lab runner itself dies, so nothing survives a crashed or interrupted run.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';

export interface Started {
  name: string;
  child: ChildProcess;
  /** PID 1 of the server's namespaces, for nsenter. */
  nsPid: () => number;
}

const started: Started[] = [];

export function startInNamespace(name: string, script: string, logFile: string): Started {
  const out = openSync(logFile, 'a');
  const child = spawn(
    'setpriv',
    ['--pdeathsig', 'KILL', '--', 'unshare', '-m', '-u', '-p', '-f', '--kill-child', '--mount-proc', '--propagation', 'private', 'sh', script],
    { stdio: ['ignore', out, out] },
  );
  closeSync(out);
  const s: Started = {
    name,
    child,
    nsPid: () => {
      const pid = child.pid;
      if (!pid) throw new Error(`${name}: not running`);
      const kids = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/);
      const k = Number(kids[0]);
      if (!k) throw new Error(`${name}: namespace has no init process`);
      return k;
    },
  };
  started.push(s);
  return s;
}

/** Run a command inside a started server's namespaces (mounts, hostname, PIDs). */
export function nsExec(s: Started, argv: string[], input?: string, timeoutMs = 30_000): { status: number | null; out: string } {
  const r = spawnSync('nsenter', ['-t', String(s.nsPid()), '-m', '-u', '-p', '--', ...argv], {
    input,
    encoding: 'utf8',
    timeout: timeoutMs,
  });
  return { status: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

export function run(cmd: string, args: string[], opts: { input?: string; timeoutMs?: number; cwd?: string; env?: NodeJS.ProcessEnv } = {}): string {
  const r = spawnSync(cmd, args, { input: opts.input, encoding: 'utf8', timeout: opts.timeoutMs ?? 120_000, cwd: opts.cwd, env: opts.env, maxBuffer: 64 << 20 });
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} exited ${r.status ?? r.signal}\n${r.stdout ?? ''}${r.stderr ?? ''}`);
  }
  return `${r.stdout ?? ''}`;
}

export function stopAll(): string[] {
  const report: string[] = [];
  for (const s of started.splice(0)) {
    const pid = s.child.pid;
    if (pid && s.child.exitCode === null && s.child.signalCode === null) {
      try {
        process.kill(pid, 'SIGKILL');
        report.push(`${s.name}: killed pid ${pid}`);
      } catch {
        report.push(`${s.name}: pid ${pid} already gone`);
      }
    } else {
      report.push(`${s.name}: had exited (${s.child.exitCode ?? s.child.signalCode})`);
    }
  }
  return report;
}

export function anyRunning(): string[] {
  return started.filter((s) => s.child.exitCode === null && s.child.signalCode === null).map((s) => s.name);
}
