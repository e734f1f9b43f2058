// Applies parsed config-file directives to the registry, with redis-server's fatal
// error report naming the file and line of the first bad directive.

import { type ConfigRegistry, ParamError, UnknownParamError } from '@cinnabar/command-kit';
import type { Directive } from './config-file.js';

/** Directives Redis accepts that configure subsystems Cinnabar does not have yet. */
const ACCEPTED_LATER = new Set(['rename-command', 'user', 'loadmodule', 'replicaof', 'slaveof', 'sentinel']);

export class FatalConfigError extends Error {
  constructor(readonly directive: Directive, readonly reason: string) {
    super(reason);
  }

  report(): string {
    const where = this.directive.source === '(command line)' ? 'the configuration' : `the configuration file ${this.directive.source}`;
    return [
      '',
      '*** FATAL CONFIG FILE ERROR (Redis 7.0.15) ***',
      `Reading ${where}, at line ${this.directive.line}`,
      `>>> '${this.directive.text}'`,
      this.reason,
    ].join('\n');
  }
}

export function applyDirectives(config: ConfigRegistry, directives: readonly Directive[]): void {
  let saveSeen = false;
  for (const d of directives) {
    if (ACCEPTED_LATER.has(d.name)) continue;
    let value = d.args.join(' ');
    if (d.name === 'save') {
      // Several save lines accumulate; `save ""` (or no argument) clears the points.
      const previous = saveSeen ? config.get<string>('save') : '';
      saveSeen = true;
      value = value.trim() === '' ? '' : `${previous} ${value}`.trim();
    }
    const p = config.find(d.name);
    if (p === undefined || (d.args.length === 0 && d.name !== 'save')) {
      throw new FatalConfigError(d, 'Bad directive or wrong number of arguments');
    }
    try {
      config.setMany([[d.name, value]], true);
    } catch (e) {
      if (e instanceof ParamError) throw new FatalConfigError(d, e.reason);
      if (e instanceof UnknownParamError) throw new FatalConfigError(d, 'Bad directive or wrong number of arguments');
      throw e;
    }
  }
}
