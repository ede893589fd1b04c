// Vitest runs outside React's server environment; the real "server-only" module would throw there.
export {};
