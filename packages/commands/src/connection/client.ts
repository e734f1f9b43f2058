import { defineContainer } from '@cinnabar/command-kit';
import { clientGetname } from './client-getname.js';
import { clientHelp } from './client-help.js';
import { clientId } from './client-id.js';
import { clientInfo } from './client-info.js';
import { clientKill } from './client-kill.js';
import { clientList } from './client-list.js';
import { clientNoEvict } from './client-no-evict.js';
import { clientNoTouch } from './client-no-touch.js';
import { clientPause } from './client-pause.js';
import { clientReply } from './client-reply.js';
import { clientSetinfo } from './client-setinfo.js';
import { clientSetname } from './client-setname.js';
import { clientUnblock } from './client-unblock.js';
import { clientUnpause } from './client-unpause.js';

export const client = defineContainer(
  {
    name: 'client', flags: ['sentinel'], acl: ['@slow'],
    docs: { summary: 'A container for client connection commands', since: '2.4.0', group: 'connection', complexity: 'Depends on subcommand.' },
  },
  [
    clientId, clientInfo, clientList, clientKill, clientSetname, clientGetname, clientSetinfo, clientReply,
    clientNoEvict, clientNoTouch, clientPause, clientUnpause, clientUnblock, clientHelp,
  ],
);
