import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import draft06MetaSchema from 'ajv/dist/refs/json-schema-draft-06.json';

// Validation against the official c3voc schemas, vendored unmodified in test/vendor/c3voc/ (EUPL-1.2; see
// its README) so that the tests run from any copy of the source, with nothing beside it.

const vendorDir = fileURLToPath(new URL('../vendor/c3voc/', import.meta.url));
export const frabSpecs = {
	json: join(vendorDir, 'frab-schedule.schema.json'),
	xsd: join(vendorDir, 'frab-schedule.xsd'),
} as const;

let validateSchedule: ValidateFunction | undefined;

function jsonValidator(): ValidateFunction {
	if (validateSchedule) return validateSchedule;
	// The schema is draft-06 and uses keywords of later drafts ("deprecated", "$comment") and of its own ("$oneOf", "$todo").
	const ajv = new Ajv({ strict: false, allErrors: true });
	ajv.addMetaSchema(draft06MetaSchema);
	addFormats(ajv);
	ajv.addFormat('color', /^#(?:[0-9a-fA-F]{3}){1,2}$/);
	validateSchedule = ajv.compile(JSON.parse(readFileSync(frabSpecs.json, 'utf8')) as object);
	return validateSchedule;
}

/** Every way `data` breaks the c3voc schedule JSON schema, as "<path> <message>"; empty when it is valid. */
export function validateFrabJson(data: unknown): string[] {
	const validate = jsonValidator();
	if (validate(data)) return [];
	return (validate.errors ?? []).map(
		(error) => `${error.instancePath || '/'} ${error.message ?? error.keyword} ${JSON.stringify(error.params)}`,
	);
}

/** Every message of `xmllint --schema frab-schedule.xsd` about `xml`; empty when it is valid. */
export function validateFrabXml(xml: string): string[] {
	const result = spawnSync('xmllint', ['--noout', '--schema', frabSpecs.xsd, '-'], { input: xml, encoding: 'utf8' });
	if (result.error) return [`xmllint could not run: ${result.error.message}`];
	if (result.status === 0) return [];
	const messages = result.stderr.split('\n').filter((line) => line.trim() !== '' && line.trim() !== '- fails to validate');
	return messages.length > 0 ? messages : [`xmllint exited with ${result.status ?? result.signal}`];
}
