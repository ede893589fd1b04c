export declare const BUDGET_BYTES: number;
export declare const SIGNED_IN_BUDGET_BYTES: number;
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
  signedInBudget?: number,
): {
  sharedBytes: number;
  budget: number;
  signedInBudget: number;
  routes: RouteJs[];
  over: RouteJs[];
  signedInRoutes: RouteJs[];
  signedInOver: RouteJs[];
  knownOver: Array<RouteJs & { reason: string }>;
};
