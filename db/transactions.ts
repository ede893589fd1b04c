/**
 * Transactions on a reserved connection, for postgres.js.
 *
 * postgres.js's own sql.begin() sends BEGIN through the shared pool, pipelined behind other
 * queries on a busy connection, and marks that connection as the transaction's only in a hook
 * (`onexecute`) that connection.js calls at the end of an && chain: after `write()` returned
 * true and the pipeline has room. When the socket's buffer is over its high-water mark (a
 * large query just before, a busy machine) write() returns false, the hook is skipped, and
 * BEGIN runs on a connection the pool still shares. postgres.js then answers
 * UNSAFE_TRANSACTION while PostgreSQL has begun the transaction ("there is already a
 * transaction in progress" for the next BEGIN on it), and other requests' writes on that
 * connection land in a transaction nobody commits (reproduced by
 * db/transactions.test.ts, and under load by tests/faults/concurrency.test.ts).
 *
 * begin() here first takes a connection for itself with sql.reserve() (which waits for an idle
 * connection and hands it out to nobody else), then runs BEGIN, the callback's queries and
 * COMMIT or ROLLBACK on it, and gives it back. Savepoints (drizzle's nested transactions) run
 * on the same connection.
 */
import type postgres from "postgres";

type Callback = (sql: postgres.Sql) => unknown;

/** Errors after which the connection is gone: postgres.js has already taken it back. */
const CONNECTION_LOST = new Set(["CONNECTION_CLOSED", "CONNECTION_DESTROYED", "CONNECTION_ENDED"]);

function connectionLost(error: unknown): boolean {
  return CONNECTION_LOST.has(String((error as { code?: unknown } | null)?.code));
}

/** `client`, whose begin() runs the transaction on a connection reserved for it. */
export function reservedTransactions<T extends postgres.Sql>(client: T): T {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === "begin") return (...args: unknown[]) => beginReserved(target, args);
      return Reflect.get(target, property, receiver);
    },
  });
}

async function beginReserved(client: postgres.Sql, args: unknown[]): Promise<unknown> {
  const callback = args[args.length - 1];
  if (typeof callback !== "function") throw new TypeError("begin() needs a callback");
  // Same filter as postgres.js: "isolation level serializable" and the like, nothing else.
  const options = typeof args[0] === "string" ? args[0].replace(/[^a-z ]/gi, "") : "";
  const reserved = await client.reserve();
  let lost = false;
  try {
    await reserved.unsafe(`begin ${options}`.trim());
    let result: unknown;
    try {
      result = await (callback as Callback)(withSavepoints(reserved));
    } catch (error) {
      lost = connectionLost(error);
      if (!lost) {
        try {
          await reserved.unsafe("rollback");
        } catch (rollbackError) {
          lost = connectionLost(rollbackError);
        }
      }
      throw error;
    }
    // A failed COMMIT ends the transaction too (PostgreSQL rolls it back).
    await reserved.unsafe("commit");
    return result;
  } catch (error) {
    lost ||= connectionLost(error);
    throw error;
  } finally {
    // A lost connection is already back in the pool as closed; releasing it would put it
    // among the open ones.
    if (!lost) reserved.release();
  }
}

/** The reserved connection, with savepoint() for drizzle's nested transactions. */
function withSavepoints(reserved: postgres.ReservedSql): postgres.Sql {
  let count = 0;
  const savepoint = async (...args: unknown[]): Promise<unknown> => {
    const callback = args[args.length - 1];
    if (typeof callback !== "function") throw new TypeError("savepoint() needs a callback");
    const name = `s${count++}`;
    await reserved.unsafe(`savepoint ${name}`);
    try {
      const result = await (callback as Callback)(proxy);
      await reserved.unsafe(`release savepoint ${name}`);
      return result;
    } catch (error) {
      if (!connectionLost(error)) await reserved.unsafe(`rollback to savepoint ${name}`);
      throw error;
    }
  };
  const proxy: postgres.Sql = new Proxy(reserved, {
    get(target, property, receiver) {
      if (property === "savepoint") return savepoint;
      return Reflect.get(target, property, receiver);
    },
  }) as unknown as postgres.Sql;
  return proxy;
}
