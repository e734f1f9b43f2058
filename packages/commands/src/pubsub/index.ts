import type { CommandDef } from '@cinnabar/command-kit';
import { psubscribe } from './psubscribe.js';
import { publish } from './publish.js';
import { pubsub } from './pubsub.js';
import { punsubscribe } from './punsubscribe.js';
import { spublish } from './spublish.js';
import { ssubscribe } from './ssubscribe.js';
import { subscribe } from './subscribe.js';
import { sunsubscribe } from './sunsubscribe.js';
import { unsubscribe } from './unsubscribe.js';

export const pubsubCommands = [
  subscribe, unsubscribe, psubscribe, punsubscribe, ssubscribe, sunsubscribe, publish, spublish, pubsub,
] satisfies CommandDef[];
