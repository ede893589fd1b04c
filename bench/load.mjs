/**
 * The load generator, in a process of its own (so nothing in the bench process can slow it):
 * `node bench/load.mjs '<json>'` with { url, connections, duration, paths? } prints
 * { rps, p50, p99, errors, non2xx } as JSON. Rotates through `paths` when given.
 */
import autocannon from "autocannon";

const { url, connections, duration, paths } = JSON.parse(process.argv[2]);
let i = 0;
const result = await autocannon({
  url,
  connections,
  duration,
  pipelining: 1,
  ...(paths
    ? {
        requests: [
          {
            setupRequest: (req) => {
              req.path = paths[i++ % paths.length];
              return req;
            },
          },
        ],
      }
    : {}),
});
process.stdout.write(
  JSON.stringify({
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  }),
);
