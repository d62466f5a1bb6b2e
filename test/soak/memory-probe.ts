// Loaded into the BFF process by the soak run (`--import`): on SIGUSR2 it collects garbage (when
// started with --expose-gc) and prints one line, `soak-memory {rss, heapUsed, …}`, to stdout.
process.on('SIGUSR2', () => {
  (globalThis as { gc?: () => void }).gc?.();
  console.log(`soak-memory ${JSON.stringify(process.memoryUsage())}`);
});
