import type { CommandDef } from '@cinnabar/command-kit';
import { geoadd } from './geoadd.js';
import { geodist } from './geodist.js';
import { geohash } from './geohash.js';
import { geopos } from './geopos.js';
import { georadius } from './georadius.js';
import { georadiusRo } from './georadius-ro.js';
import { georadiusbymember } from './georadiusbymember.js';
import { georadiusbymemberRo } from './georadiusbymember-ro.js';
import { geosearch } from './geosearch.js';
import { geosearchstore } from './geosearchstore.js';

export const geoCommands = [
  geoadd, geodist, geohash, geopos, georadius, georadiusbymember, georadiusRo, georadiusbymemberRo, geosearch, geosearchstore,
] satisfies CommandDef[];
