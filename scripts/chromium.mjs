// The one list of Chromium flags, for every headless Chromium the project
// starts: webdriver.json (wasm-pack test --chrome reads it from beside
// Cargo.toml, through chromedriver) and, through this module, every
// playwright-core launch (package pages, console tests, benchmarks).
// Playwright chooses the headless mode itself, so --headless is left to it.
import { readFileSync } from "node:fs";

const webdriver = JSON.parse(readFileSync(new URL("../webdriver.json", import.meta.url), "utf8"));

/** The flags (as root in a container: no sandbox, no /dev/shm, nothing that phones home). */
export const chromiumArgs = webdriver["goog:chromeOptions"].args.filter((arg) => !arg.startsWith("--headless"));

/** Options for playwright-core's `chromium.launch`: Debian's /usr/bin/chromium with those flags. */
export const launchOptions = { executablePath: "/usr/bin/chromium", args: chromiumArgs };
