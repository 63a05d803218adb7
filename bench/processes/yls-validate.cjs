// yaml-language-server's validation, as a whole process: read every design under a folder
// and validate it against schemas/mlsystem.schema.json, as Red Hat's YAML extension does on
// every edit. Prints the number of diagnostics. Usage: node yls-validate.cjs <folder>
const fs = require('node:fs');
const path = require('node:path');
const { getLanguageService } = require('yaml-language-server');
const { TextDocument } = require('vscode-languageserver-textdocument');
const { designsUnder } = require('./designs-under.cjs');

const schemaUri = 'file:///mlsystem.schema.json';
const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'schemas', 'mlsystem.schema.json'), 'utf8'));
const service = getLanguageService({
  schemaRequestService: async (uri) => (uri === schemaUri ? JSON.stringify(schema) : Promise.reject(new Error(`no schema ${uri}`))),
  workspaceContext: { resolveRelativePath: (relative) => relative },
});
service.configure({ validate: true, completion: false, hover: false, schemas: [{ uri: schemaUri, fileMatch: ['*'], schema }] });

(async () => {
  let diagnostics = 0;
  for (const file of designsUnder(process.argv[2])) {
    const doc = TextDocument.create(`file://${file}`, 'yaml', 1, fs.readFileSync(file, 'utf8'));
    diagnostics += (await service.doValidation(doc, false)).length;
  }
  process.stdout.write(`${diagnostics}\n`);
})();
