/**
 * The last resort of a shutdown: a tiny separate process that SIGKILLs this one if it has not exited in
 * `ms`. A timer inside this process cannot do it: `process.exit()` joins the worker threads, and one
 * stuck in a native call (a DuckDB query that ignores its interrupt) blocks the exit forever, timers
 * included. The watchdog leaves by itself as soon as this process is gone (its IPC channel closes).
 */
import { spawn } from 'node:child_process';

export function armExitWatchdog(ms: number): void {
  const script = `
    process.on('disconnect', () => process.exit(0));
    setTimeout(() => {
      process.stderr.write('shutdown did not finish in time: the server process is killed\\n');
      try { process.kill(${process.pid}, 'SIGKILL'); } catch {}
      process.exit(0);
    }, ${Math.round(ms)});
  `;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  child.on('error', () => {}); // no watchdog (spawn failed): the graceful path still runs
  // never keep this process alive for its sake
  child.unref();
  child.channel?.unref();
}
