// Runs the nnspec command line from source, as bin/nnspec.js runs the built one.
import { main } from "../../../src/cli/main.js";

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
