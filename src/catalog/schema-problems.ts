import { z } from 'astro/zod';
import { fieldPath, type Problem } from './errors';
import { closestMatch } from './suggest';

type PathKey = PropertyKey;

/**
 * Validates `data` against `schema` and returns the parsed value, or undefined after reporting every issue
 * in plain words with file and field. Zod's own messages name types ("expected string, received undefined");
 * editors need "is required (Title of the session…)".
 */
export function parseWithProblems<S extends z.ZodType>(
	schema: S,
	data: unknown,
	file: string,
	report: (problem: Problem) => void,
	basePath: readonly (string | number)[] = [],
): z.output<S> | undefined {
	const result = schema.safeParse(data);
	if (result.success) return result.data;
	const reported = new Set<string>();
	for (const issue of result.error.issues) {
		for (const problem of describeIssue(schema, data, issue, file, basePath)) {
			// Several issues can come down to one mistake (a date where a set of fields was expected).
			const key = `${problem.field}\n${problem.message}`;
			if (reported.has(key)) continue;
			reported.add(key);
			report(problem);
		}
	}
	return undefined;
}

function describeIssue(
	schema: z.ZodType,
	data: unknown,
	issue: z.core.$ZodIssue,
	file: string,
	basePath: readonly (string | number)[],
): Problem[] {
	// YAML reads an unquoted `2020-02-13` as a Date, which zod 4 walks into like an object: say so at the field
	// the editor wrote, not at the sub-fields the date lacks.
	for (let length = 0; length < issue.path.length; length++) {
		const prefix = issue.path.slice(0, length);
		const value = valueAt(data, prefix);
		if (value instanceof Date && unwrap(schemaAt(schema, prefix)) instanceof z.ZodObject) {
			const owner = schemaAt(schema, prefix);
			const ownerHint = owner?.description ? ` (${owner.description})` : '';
			const ownerField = fieldPath([...basePath, ...prefix.map(printableKey)]);
			return [{ file, field: ownerField, message: `must be ${typeName('object')}, not ${typeName('date')}${ownerHint}` }];
		}
	}
	const path = [...basePath, ...issue.path.map(printableKey)];
	const field = fieldPath(path);
	const target = schemaAt(schema, issue.path);
	const hint = target?.description ? ` (${target.description})` : '';
	// A missing field is "required", whichever check zod ran first (a type, an allowed value, a union); custom
	// checks (wall-clock times) say it in their own words.
	if (issue.path.length > 0 && issue.code !== 'unrecognized_keys' && issue.code !== 'custom' && valueAt(data, issue.path) === undefined) {
		return [{ file, field, message: `is required${hint}` }];
	}
	switch (issue.code) {
		case 'unrecognized_keys': {
			const known = Object.keys(objectShape(target) ?? {});
			return issue.keys.map((key) => {
				const guess = closestMatch(key, known);
				return {
					file,
					field: fieldPath([...path, key]),
					message: `unknown field "${key}"; ${guess ? `did you mean "${guess}"? ` : ''}allowed fields: ${known.join(', ')}`,
				};
			});
		}
		case 'invalid_type': {
			const received = valueAt(data, issue.path);
			if (received === undefined) return [{ file, field, message: `is required${hint}` }];
			// A message the schema wrote itself (e.g. "must be whole minutes") says it best.
			if (!isZodDefaultMessage(issue.message)) return [{ file, field, message: issue.message }];
			return [{ file, field, message: `must be ${typeName(issue.expected)}, not ${typeName(kindOf(received))}${hint}` }];
		}
		case 'invalid_value':
			if (!isZodDefaultMessage(issue.message)) return [{ file, field, message: issue.message }];
			return [
				{
					file,
					field,
					message: `${JSON.stringify(valueAt(data, issue.path))} is not allowed; use one of: ${issue.values.map(String).join(', ')}`,
				},
			];
		case 'too_small':
			if (issue.origin === 'string' && issue.minimum === 1) return [{ file, field, message: 'must not be empty' }];
			return [{ file, field, message: issue.message }];
		case 'invalid_union':
			if (!isZodDefaultMessage(issue.message)) return [{ file, field, message: issue.message }];
			return [{ file, field, message: `has the wrong form${target?.description ? `: ${target.description}` : ''}` }];
		default:
			return [{ file, field, message: issue.message }];
	}
}

/** Zod's built-in messages start with "Invalid"; ours are sentences about the field. */
function isZodDefaultMessage(message: string): boolean {
	return /^Invalid\b/.test(message);
}

function printableKey(key: PathKey): string | number {
	return typeof key === 'symbol' ? String(key) : key;
}

/** The raw value an issue is about, read from the data with the issue's path. */
function valueAt(data: unknown, path: readonly PathKey[]): unknown {
	let current: unknown = data;
	for (const key of path) {
		if (typeof current !== 'object' || current === null) return undefined;
		current = (current as Record<PropertyKey, unknown>)[key];
	}
	return current;
}

function kindOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	if (value instanceof Date) return 'date';
	return typeof value;
}

function typeName(type: string): string {
	const names: Record<string, string> = {
		string: 'text',
		number: 'a number',
		int: 'a whole number',
		integer: 'a whole number',
		array: 'a list',
		object: 'a set of "key: value" fields',
		date: 'a date',
		boolean: 'true or false',
		null: 'empty',
		undefined: 'missing',
	};
	return names[type] ?? type;
}

/** The schema that validates the value at `path`, seen through optional, default and pipe (transform) wrappers. */
function schemaAt(schema: z.ZodType, path: readonly PathKey[]): z.ZodType | undefined {
	let current: z.ZodType | undefined = schema;
	for (const key of path) {
		// The description sits on the outermost wrapper (`.optional().describe()`), so keep it while walking.
		const inner = unwrap(current);
		if (inner instanceof z.ZodArray && typeof key === 'number') current = inner.element as z.ZodType;
		else if (inner instanceof z.ZodObject && typeof key === 'string') current = objectShape(inner)?.[key];
		else return undefined;
	}
	return current;
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
	let current = schema;
	for (;;) {
		if (current instanceof z.ZodOptional || current instanceof z.ZodDefault || current instanceof z.ZodNullable) {
			current = current.unwrap() as z.ZodType;
		} else if (current instanceof z.ZodPipe) {
			current = current.in as z.ZodType;
		} else {
			return current;
		}
	}
}

function objectShape(schema: z.ZodType | undefined): Record<string, z.ZodType> | undefined {
	const object = unwrap(schema);
	return object instanceof z.ZodObject ? (object.shape as Record<string, z.ZodType>) : undefined;
}
