/**
 * The shipped command line, compiled to plain JavaScript by `vite build --mode
 * cli` (run by `npm install` and `npm ci`) into `dist-cli/ouroboros.js`:
 * `ouroboros analyze FILE [options]`, with no TypeScript loader to start.
 */
import { USAGE, runCli } from "./analyze.ts";

const [command, ...rest] = process.argv.slice(2);
if (command === "analyze") {
  await runCli(rest);
} else {
  const usage = USAGE.replace("npm run analyze --", "ouroboros analyze");
  process.stderr.write(
    `${command === undefined || command === "--help" ? "" : `error: unknown command "${command}"\n`}${usage}\n`,
  );
  process.exitCode = command === "--help" ? 0 : 2;
}
