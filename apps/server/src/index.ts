export { assembleServer, type AssembleOptions, type Assembled } from './assemble.js';
export { parseConfigText, commandLineConfig, ConfigFileError, type Directive } from './config-file.js';
export { applyDirectives, FatalConfigError } from './apply-config.js';
