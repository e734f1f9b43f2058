export { evalCommands } from './commands/index.js';
export { scriptingOf, Scripting } from './scripting.js';
