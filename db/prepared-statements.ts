/**
 * Named prepared statements for drizzle on postgres.js.
 *
 * drizzle asks postgres.js for an unnamed statement for every query that was not built with
 * `.prepare()`. For a query with parameters postgres.js then makes two round trips (Parse and
 * Describe first, to learn the parameter types, then Bind and Execute), and PostgreSQL plans
 * the query again every time. For the address look-up that planning alone cost 1.3 ms of
 * database CPU per call, five times its execution (pgbench: 1.6 ms unnamed, 0.28 ms prepared).
 *
 * This wrapper gives postgres.js back its own default (`prepare: true`) for queries with up to
 * MAX_PREPARED_PARAMETERS parameters: the statement is parsed and planned once per connection
 * and later calls take one round trip. Queries with more parameters (a bulk insert of
 * thousands of addresses, a long `in` list) stay unnamed, so the statements a connection keeps
 * are bounded by the shapes of queries in the code. postgres.js renews its connections after
 * 30 to 60 minutes (max_lifetime), which also drops their statements, and it prepares a
 * statement again when a migration changed a table under it.
 *
 * Transactions and savepoints get the same treatment: drizzle runs their queries on the
 * client postgres.js hands to the callback, which is wrapped in turn.
 */
import type postgres from "postgres";
import { afterTransaction, noteStatement } from "./data-version";

/** Queries with more parameters than this are not kept as prepared statements. */
export const MAX_PREPARED_PARAMETERS = 100;

export function shouldPrepare(parameters: readonly unknown[] | undefined): boolean {
  const count = parameters?.length ?? 0;
  return count > 0 && count <= MAX_PREPARED_PARAMETERS;
}

type Callback = (client: postgres.Sql) => unknown;

/** Wraps the callback argument (the last one) of begin() and savepoint(). */
function wrapCallback(args: unknown[]): unknown[] {
  const last = args.length - 1;
  const callback = args[last];
  if (typeof callback !== "function") return args;
  const wrapped = [...args];
  wrapped[last] = (client: postgres.Sql) => (callback as Callback)(preparingClient(client));
  return wrapped;
}

/** `client`, except that drizzle's queries are prepared where shouldPrepare() says so. */
export function preparingClient<T extends postgres.Sql>(client: T): T {
  return new Proxy(client, {
    get(target, property, receiver) {
      switch (property) {
        case "unsafe":
          return (query: string, parameters?: unknown[], options?: Record<string, unknown>) => {
            const pending = target.unsafe(query, parameters as postgres.ParameterOrJSON<never>[], {
              ...options,
              prepare: shouldPrepare(parameters),
            });
            // Counted for the read caches once it ran (db/data-version.ts). The query runs after a
            // microtask, so drizzle's .values() right after this still applies.
            const counted = () => noteStatement(query);
            pending.then(counted, counted);
            return pending;
          };
        case "begin":
        case "savepoint": {
          const method = Reflect.get(target, property, target) as (...args: unknown[]) => unknown;
          return typeof method === "function"
            ? (...args: unknown[]) => afterTransaction(method.apply(target, wrapCallback(args)) as PromiseLike<unknown>)
            : method;
        }
        default:
          return Reflect.get(target, property, receiver);
      }
    },
  });
}
