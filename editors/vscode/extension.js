// The planlint extension: starts `planlint lsp` for .plan files. Plain
// JavaScript, so that there is nothing to build; `npm install` fetches the
// language client (docs/editors.md).
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

exports.activate = function activate() {
  const settings = vscode.workspace.getConfiguration("planlint");
  const command = settings.get("path", "planlint");
  const asOf = settings.get("asOf", "");
  const lang = settings.get("lang", "");
  const initializationOptions = {};
  if (asOf) initializationOptions.asOf = asOf;
  if (lang) initializationOptions.lang = lang;
  client = new LanguageClient(
    "planlint",
    "planlint",
    { command, args: ["lsp"] },
    {
      documentSelector: [{ scheme: "file", language: "plan" }],
      initializationOptions,
    },
  );
  return client.start();
};

exports.deactivate = function deactivate() {
  return client ? client.stop() : undefined;
};
