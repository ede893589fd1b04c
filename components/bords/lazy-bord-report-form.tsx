"use client";

import { lazy, Suspense, type ComponentProps } from "react";
import type { BordReportForm as Form } from "./bord-report-form";

/**
 * "Bord kapot of weg?" on a group's page, with its script loaded only where it is shown (a group
 * with a standing bord; most group pages have none, and the join form there keeps within the
 * public pages' JavaScript budget, scripts/js-budget.mjs). The server renders the form in full;
 * until its script has loaded it works as a plain HTML form (a normal POST to the action).
 */
const BordReportForm = lazy(() => import("./bord-report-form").then((m) => ({ default: m.BordReportForm })));

export function LazyBordReportForm(props: ComponentProps<typeof Form>) {
  return (
    <Suspense fallback={null}>
      <BordReportForm {...props} />
    </Suspense>
  );
}
