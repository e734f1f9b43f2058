import type { CommandDef } from '@cinnabar/command-kit';
import { connectionCommands } from './connection/index.js';
import { geoCommands } from './geo/index.js';
import { hashCommands } from './hashes/index.js';
import { hllCommands } from './hyperloglog/index.js';
import { keyCommands } from './keys/index.js';
import { listCommands } from './lists/index.js';
import { pubsubCommands } from './pubsub/index.js';
import { scriptingCommands } from './scripting/index.js';
import { serverCommands } from './server/index.js';
import { setCommands } from './sets/index.js';
import { sortCommands } from './sort/index.js';
import { streamCommands } from './streams/index.js';
import { stringCommands } from './strings/index.js';
import { transactionCommands } from './transactions/index.js';
import { zsetCommands } from './zsets/index.js';

/** Every command Cinnabar serves, family by family. */
export const allCommands: readonly CommandDef[] = [
  ...stringCommands,
  ...keyCommands,
  ...listCommands,
  ...hashCommands,
  ...setCommands,
  ...zsetCommands,
  ...streamCommands,
  ...geoCommands,
  ...hllCommands,
  ...sortCommands,
  ...connectionCommands,
  ...serverCommands,
  ...transactionCommands,
  ...pubsubCommands,
  ...scriptingCommands,
];

export { PubSubHub } from './pubsub/hub.js';
export { KeyspaceNotifier } from './pubsub/notifier.js';
