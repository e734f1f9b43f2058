import { defineCommand } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';

export const reset = defineCommand({
  name: 'reset', arity: 1, flags: ['noscript', 'loading', 'stale', 'fast', 'no_auth', 'allow_busy'], acl: ['@fast', '@connection'],
  docs: { summary: 'Reset the connection', since: '6.2.0', group: 'connection', complexity: 'O(1)' },
  run: (c) => {
    // The state of a newly connected client, as Redis's clearClientConnectionState.
    c.monitor = false;
    c.server.monitors.delete(c);
    c.select(0);
    c.resp = 2;
    c.user = 'default';
    c.authenticated = !c.server.requiresAuth();
    c.multi = null;
    c.multiError = false;
    c.dirtyCas = false;
    c.server.watch.unwatchAll(c);
    c.server.pubsub.dropClient(c);
    c.name = '';
    c.noTouch = false;
    // A pending CLIENT REPLY SKIP already applies to this very reply and stays.
    if (c.replyMode !== 'skip') c.replyMode = 'on';
    return reply.simple('RESET');
  },
});
