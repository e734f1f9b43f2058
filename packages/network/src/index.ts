export { TcpServer, type ListenOptions } from './tcp-server.js';
export { Connection } from './connection.js';
export type { CommandService, ConnectionHandler } from './service.js';
