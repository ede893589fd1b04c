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

const server = http.createServer((req, res) => {
  const target = targets[next++ % targets.length];
  const headers = { ...req.headers, "x-forwarded-for": req.socket.remoteAddress ?? "" };
  const upstream = http.request({ host: "127.0.0.1", port: target, method: req.method, path: req.url, headers, agent }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on("error", () => {
    if (!res.headersSent) res.writeHead(502);
    res.end();
  });
  req.pipe(upstream);
});
server.keepAliveTimeout = 10_000;
server.listen(port, "127.0.0.1");
process.on("SIGTERM", () => server.close(() => process.exit(0)));
