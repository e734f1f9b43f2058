import { blockingPopCommand } from './blpop.js';

export const brpop = blockingPopCommand('brpop', 'tail', 'last');
