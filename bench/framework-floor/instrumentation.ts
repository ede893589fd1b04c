/**
 * Empty on purpose. Without a file of its own here, Next.js 16.4's Turbopack build of this
 * minimal app (whose Turbopack root is the repository, for the shared node_modules) took the
 * product's instrumentation.ts, which refuses to start without the product's settings.
 */
export function register(): void {}
