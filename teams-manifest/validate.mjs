// Microsoft's localization schema has patterns that are not valid in Unicode mode, hence unicodeRegExp: false.
// Validates a built Teams app package directory (manifest.json, its localization files) against
// the schemas Microsoft ships in @microsoft/app-manifest, offline. Exit 0 when valid; 1 with the
// errors otherwise. Usage: node validate.mjs <directory>
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const require = createRequire(import.meta.url);
const directory = process.argv[2];
if (!directory) {
  console.error('usage: node validate.mjs <directory with manifest.json>');
  process.exit(2);
}

const manifest = JSON.parse(await readFile(path.join(directory, 'manifest.json'), 'utf8'));
const errors = (await AppManifestUtils.validateAgainstSchema(manifest)).map((error) => `manifest.json: ${error}`);

// The localization files have their own schema, next to the manifest's in the package.
const version = `v${manifest.manifestVersion}`;
const schemaFile = require.resolve(`@microsoft/app-manifest/build/json-schemas/teams/${version}/MicrosoftTeams.Localization.schema.json`);
const ajv = addFormats(new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }));
const validateLocalization = ajv.compile(JSON.parse(await readFile(schemaFile, 'utf8')));
for (const language of manifest.localizationInfo?.additionalLanguages ?? []) {
  const strings = JSON.parse(await readFile(path.join(directory, language.file), 'utf8'));
  if (!validateLocalization(strings)) {
    for (const error of validateLocalization.errors) {
      errors.push(`${language.file}: ${error.instancePath || '/'} ${error.message}`);
    }
  }
}

if (errors.length > 0) {
  console.error(errors.join('\n'));
  process.exit(1);
}
console.log(`${path.join(directory, 'manifest.json')}: valid Teams manifest ${manifest.manifestVersion}`);
