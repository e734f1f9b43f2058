export { evalCommands } from './commands/index.js';
export { scriptingOf, Scripting, installFunctions } from './scripting.js';
