// The Redis release whose behaviour Cinnabar reproduces: reported by INFO, HELLO and the
// startup banner, so clients and tools that check versions see what they expect.

export const REDIS_VERSION = '7.0.15';
