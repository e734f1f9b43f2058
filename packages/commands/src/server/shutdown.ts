// SHUTDOWN [NOSAVE|SAVE] [NOW] [FORCE] [ABORT]: the app performs it (server.shutdown).

import { defineCommand } from '@cinnabar/command-kit';
import { SyntaxError } from '@cinnabar/common';
import { reply } from '@cinnabar/resp';

export const shutdown = defineCommand({
  name: 'shutdown', arity: -1, flags: ['admin', 'noscript', 'loading', 'stale', 'no_multi', 'sentinel', 'allow_busy'],
  docs: {
    summary: 'Synchronously save the dataset to disk and then shut down the server', since: '1.0.0', group: 'server',
    complexity: 'O(N) when saving, where N is the total number of keys in all databases when saving data, otherwise O(1)',
    arguments: [
      { name: 'nosave_save', type: 'oneof', optional: true, arguments: [{ name: 'nosave', type: 'pure-token', token: 'NOSAVE' }, { name: 'save', type: 'pure-token', token: 'SAVE' }] },
      { name: 'now', type: 'pure-token', token: 'NOW', optional: true },
      { name: 'force', type: 'pure-token', token: 'FORCE', optional: true },
      { name: 'abort', type: 'pure-token', token: 'ABORT', optional: true },
    ],
  },
  run: ({ server }, argv) => {
    const opts: { save?: boolean; nosave?: boolean; now?: boolean; force?: boolean } = {};
    let abort = false;
    for (const a of argv.slice(1)) {
      const t = a.toLowerCase();
      if (t === 'nosave') opts.nosave = true;
      else if (t === 'save') opts.save = true;
      else if (t === 'now') opts.now = true;
      else if (t === 'force') opts.force = true;
      else if (t === 'abort') abort = true;
      else throw new SyntaxError();
    }
    if ((abort && Object.keys(opts).length > 0) || (opts.save && opts.nosave)) throw new SyntaxError();
    if (abort) return reply.error('ERR No shutdown in progress.');
    return server.shutdown(opts);
  },
});
