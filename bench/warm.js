// One MJML file -> compiles per second of the reference Node compiler, warm, in one process.
// Usage: node bench/warm.js email.mjml SECONDS
const fs = require("fs");
const mjml2html = require("mjml");

async function main() {
  const [file, seconds] = process.argv.slice(2);
  const source = fs.readFileSync(file, "utf8");
  const compile = async () => (await mjml2html(source, { validationLevel: "soft" })).html;
  // Warm up: the first calls load components and fill caches.
  for (let i = 0; i < 3; i++) await compile();
  const budget = Number(seconds) * 1000;
  const start = performance.now();
  const cpu = process.cpuUsage();
  let count = 0;
  while (performance.now() - start < budget) {
    await compile();
    count++;
  }
  const elapsed = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu); // microseconds of the whole process, its helper threads included
  const cpuSeconds = (used.user + used.system) / 1e6;
  process.stdout.write(JSON.stringify({ per_second: count / elapsed, cpu_per_second: count / cpuSeconds, runs: count }) + "\n");
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error) + "\n");
  process.exit(1);
});
