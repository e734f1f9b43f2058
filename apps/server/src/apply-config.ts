// Applies parsed config-file directives to the registry, with redis-server's argument-count
// rules and its fatal error report naming the file and line of the first bad directive.

import { type ConfigRegistry, ParamError, UnknownParamError } from '@cinnabar/command-kit';
import { type Directive, fatalConfigReport } from './config-file.js';

const BAD_DIRECTIVE = 'Bad directive or wrong number of arguments';

/** Directives Redis accepts for subsystems Cinnabar does not have yet: argc → error or null. */
const ACCEPTED_LATER: Record<string, (argc: number) => string | null> = {
  'rename-command': (n) => (n === 2 ? null : BAD_DIRECTIVE),
  user: (n) => (n >= 1 ? null : BAD_DIRECTIVE),
  loadmodule: (n) => (n >= 1 ? null : BAD_DIRECTIVE),
  replicaof: (n) => (n === 2 ? null : 'wrong number of arguments'),
  slaveof: (n) => (n === 2 ? null : 'wrong number of arguments'),
};

/** Parameters that take several arguments (Redis's MULTI_ARG_CONFIG); every other takes one. */
const MULTI_ARG = new Set([
  'save', 'client-output-buffer-limit', 'oom-score-adj-values', 'bind', 'replicaof', 'slaveof',
  'latency-tracking-info-percentiles', 'shutdown-on-sigint', 'shutdown-on-sigterm',
]);

/** Renamed directives Redis 7.0 still reads and ignores, with the argument count it accepts. */
const DEPRECATED = new Set(['list-max-ziplist-entries', 'list-max-ziplist-value', 'lua-replicate-commands']);

export class FatalConfigError extends Error {
  constructor(readonly directive: Directive, readonly reason: string) {
    super(reason);
  }

  report(): string {
    return fatalConfigReport(this.directive.source, this.directive.line, this.directive.text, this.reason);
  }
}

export function applyDirectives(config: ConfigRegistry, directives: readonly Directive[]): void {
  let saveSeen = false;
  for (const d of directives) {
    const argc = d.args.length;
    const p = config.find(d.name);
    if (p === undefined) {
      if (DEPRECATED.has(d.name) && argc === 1) continue;
      if (d.name === 'sentinel') {
        if (argc === 0) continue;
        throw new FatalConfigError(d, 'sentinel directive while not in sentinel mode');
      }
      const later = ACCEPTED_LATER[d.name];
      const problem = later ? later(argc) : BAD_DIRECTIVE;
      if (problem === null) continue;
      throw new FatalConfigError(d, problem);
    }
    if (!MULTI_ARG.has(p.name) && argc !== 1) throw new FatalConfigError(d, 'wrong number of arguments');
    let value = d.args.join(' ');
    if (p.name === 'save') {
      // Several save lines accumulate; `save ""` (or no argument) clears the points.
      const previous = saveSeen ? config.get<string>('save') : '';
      saveSeen = true;
      value = value.trim() === '' ? '' : `${previous} ${value}`.trim();
    }
    try {
      config.setMany([[d.name, value]], true);
    } catch (e) {
      if (e instanceof ParamError) throw new FatalConfigError(d, e.reason);
      if (e instanceof UnknownParamError) throw new FatalConfigError(d, BAD_DIRECTIVE);
      throw e;
    }
  }
}
