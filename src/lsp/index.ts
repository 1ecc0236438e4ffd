/** The nnspec language server (`nnspec lsp`). Never loads TensorFlow.js. */
export { startLanguageServer, type LanguageServerOptions } from "./server.js";
export { readSettings, type ServerSettings } from "./settings.js";
