'use strict';
// One local server for the throughput runs, on loopback and a free port.
//   node server.cjs <ours|echo> <module>
// Tells the parent its port over IPC, answers "usage" with its memory and CPU time so far and
// "live" with its memory after a full garbage collection (run with --expose-gc), and exits on
// "stop" or as soon as the parent goes away.

const [kind, modulePath] = process.argv.slice(2);
const mod = require(modulePath);
const server = kind === 'echo' ? mod.createLocalServer({ routes: mod.defaultRoutes(mod.echoMessagesHandler) }) : mod.createLocalServer();

server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
process.on('message', (message) => {
  if (message === 'usage') process.send({ memory: process.memoryUsage(), cpu: process.cpuUsage() });
  if (message === 'live') {
    global.gc?.();
    process.send({ memory: process.memoryUsage(), cpu: process.cpuUsage() });
  }
  if (message === 'stop') server.close(() => process.exit(0));
});
process.on('disconnect', () => process.exit(0));
