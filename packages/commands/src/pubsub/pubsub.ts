import { defineContainer } from '@cinnabar/command-kit';
import { pubsubChannels } from './pubsub-channels.js';
import { pubsubHelp } from './pubsub-help.js';
import { pubsubNumpat } from './pubsub-numpat.js';
import { pubsubNumsub } from './pubsub-numsub.js';
import { pubsubShardchannels } from './pubsub-shardchannels.js';
import { pubsubShardnumsub } from './pubsub-shardnumsub.js';

export const pubsub = defineContainer(
  {
    name: 'pubsub', acl: ['@slow'],
    docs: { summary: 'A container for Pub/Sub commands', since: '2.8.0', group: 'pubsub', complexity: 'Depends on subcommand.' },
  },
  [pubsubChannels, pubsubNumpat, pubsubNumsub, pubsubShardchannels, pubsubShardnumsub, pubsubHelp],
);
