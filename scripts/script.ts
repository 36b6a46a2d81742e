/**
 * The frame of every script: read the configuration and run, reporting a bad configuration or a
 * failure to start in one line (`<script>: configuration error: ...`), as the server does.
 */
import { type Config, ConfigError, loadConfig } from "../server/config.ts";
import { startupMessage } from "../server/db/open.ts";

export function runScript(name: string, main: (config: Config) => Promise<number>): void {
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${name}: configuration error: ${e.message}\n`);
      process.exit(78);
    }
    throw e;
  }
  main(config).then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(`${name}: ${startupMessage(e)}\n`);
      process.exit(1);
    },
  );
}
