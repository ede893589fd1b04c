export declare const BUDGET_BYTES: number;
export declare const KNOWN_OVER: Record<string, string>;
export interface RouteJs {
  route: string;
  ownBytes: number;
  chunks: string[];
}
export declare function measureJsBudget(
  nextDir: string,
  budget?: number,
  knownOver?: Record<string, string>,
): { sharedBytes: number; budget: number; routes: RouteJs[]; over: RouteJs[]; knownOver: Array<RouteJs & { reason: string }> };
