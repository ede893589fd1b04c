import type { Agent, IncomingMessage, ServerResponse } from "node:http";

export interface RenderedPage {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}
export interface PageCacheOptions {
  render: (url: string) => Promise<RenderedPage>;
  dataVersion: () => number;
  maxAgeMs?: number;
  staleMs?: number;
  maxEntries?: number;
  maxBytes?: number;
  isBot?: (userAgent: string) => boolean;
  now?: () => number;
  onError?: (error: unknown) => void;
}
export interface PageCache {
  stats: { hits: number; stale: number; misses: number; kept: number };
  handles(req: IncomingMessage): boolean;
  serve(req: IncomingMessage, res: ServerResponse): Promise<void>;
  size(): { entries: number; bytes: number };
}
export declare const CACHEABLE_PATH: RegExp;
export declare function createNonce(): string;
export declare function acceptsGzip(header: string | undefined): boolean;
export declare function isCacheableRequest(req: IncomingMessage, isBot?: (userAgent: string) => boolean): boolean;
export declare function createPageCache(options: PageCacheOptions): PageCache;
export declare function internalRender(options: { port: number; host: string; agent: Agent }): (url: string) => Promise<RenderedPage>;
