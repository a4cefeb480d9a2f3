// Preloaded (node --expose-gc --require) into the server under load, and only there: on SIGUSR2
// it collects garbage and prints the process's memory, so the test measures the server alone.
'use strict';
process.on('SIGUSR2', () => {
  global.gc();
  global.gc();
  process.stdout.write(`MEMORY ${JSON.stringify(process.memoryUsage())}\n`);
});
