import type { CommandDef } from '@cinnabar/command-kit';
import { connectionCommands } from './connection/index.js';
import { keyCommands } from './keys/index.js';
import { stringCommands } from './strings/index.js';
import { transactionCommands } from './transactions/index.js';

/** Every command Cinnabar serves, family by family. */
export const allCommands: readonly CommandDef[] = [
  ...stringCommands,
  ...keyCommands,
  ...connectionCommands,
  ...transactionCommands,
];
export { PubSubHub } from './pubsub/hub.js';
export { KeyspaceNotifier } from './pubsub/notifier.js';
