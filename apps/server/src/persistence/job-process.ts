// A child process that stands for the running background job (BGSAVE, AOF rewrite), where
// redis-server would have its fork child: tools find it as the server's child (`pgrep -P`),
// name temp files after its pid, and killing it fails the job the way killing Redis's child
// does. It is a tiny shell loop spawned while the server is still small (spawning from a large
// Node process costs tens of milliseconds), reused from job to job, and it exits by itself
// within a second when the server is gone.

import { type ChildProcess, spawn } from 'node:child_process';

const WATCH_PARENT = 'while kill -0 "$PPID" 2>/dev/null; do sleep 1; done';

export class JobProcess {
  private child: ChildProcess | null = null;
  private onKilled: ((signal: string) => void) | null = null;
  private stopped = false;
  /** Jobs attached so far (INFO total_forks). */
  started = 0;

  /** Spawn the stand-in (at startup); later deaths spawn a replacement. */
  start(): void {
    if (this.stopped || this.child !== null) return;
    let child: ChildProcess;
    try {
      child = spawn('/bin/sh', ['-c', WATCH_PARENT], { stdio: 'ignore' });
    } catch {
      return;
    }
    child.on('error', () => undefined);
    child.on('exit', (_code, signal) => {
      if (this.child === child) this.child = null;
      const cb = this.onKilled;
      this.onKilled = null;
      cb?.(signal ?? 'SIGTERM');
      this.start();
    });
    this.child = child;
  }

  /** The pid standing for the job: the stand-in's, or the server's own when there is none. */
  get pid(): number {
    return this.child?.pid ?? process.pid;
  }

  /** A job begins: `onKilled` runs if the stand-in is killed before detach(). Returns its pid. */
  attach(onKilled: (signal: string) => void): number {
    this.onKilled = onKilled;
    this.started++;
    return this.pid;
  }

  /** The job ended (or was stopped by the server itself). */
  detach(): void {
    this.onKilled = null;
  }

  /** Server shutdown. */
  stop(): void {
    this.stopped = true;
    this.onKilled = null;
    this.child?.kill('SIGKILL');
    this.child = null;
  }
}
