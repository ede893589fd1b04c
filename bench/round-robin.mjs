/**
 * A round-robin reverse proxy for the scale-out figure: `node bench/round-robin.mjs <port>
 * <target port>[,<target port>…]` forwards each request to the next target in turn, over
 * kept-alive connections, and adds X-Forwarded-For as a load balancer does. The bench puts one
 * server process behind one such proxy and two behind another, so that both figures pay for the
 * same hop.
 */
import http from "node:http";

const port = Number(process.argv[2]);
const targets = process.argv[3].split(",").map(Number);
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
let next = 0;

/**
 * Forwards one request. A kept-alive upstream socket that the server closed while idle (its
 * keepAliveTimeout) fails with ECONNRESET before any answer; a GET is then sent once more on a
 * fresh socket, as load balancers do (and Node.js's documentation for `reusedSocket`). Any
 * other failure is a 502, and counts as an error in the bench.
 */
function forward(req, res, target, retried = false) {
  const headers = { ...req.headers, "x-forwarded-for": req.socket.remoteAddress ?? "" };
  const upstream = http.request({ host: "127.0.0.1", port: target, method: req.method, path: req.url, headers, agent }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on("error", (error) => {
    if (!retried && upstream.reusedSocket && error.code === "ECONNRESET" && req.method === "GET" && !res.headersSent) {
      forward(req, res, target, true);
      return;
    }
    console.error(`round-robin: ${req.method} ${req.url} to port ${target} failed: ${error.code ?? error.message}`);
    if (!res.headersSent) res.writeHead(502);
    res.end();
  });
  if (req.method === "GET" || req.method === "HEAD") upstream.end();
  else req.pipe(upstream);
}

const server = http.createServer((req, res) => forward(req, res, targets[next++ % targets.length]));
server.keepAliveTimeout = 10_000;
server.listen(port, "127.0.0.1");
process.on("SIGTERM", () => server.close(() => process.exit(0)));
