import { z } from 'astro/zod';
import { fieldPath, type Problem } from './errors';
import { closestMatch } from './suggest';

/** Validates `data` against `schema`; returns the parsed value, or pushes plain-word problems naming file and field. */
export function parseWithProblems<S extends z.ZodTypeAny>(
	schema: S,
	data: unknown,
	file: string,
	problems: Problem[],
	basePath: readonly (string | number)[] = [],
): z.output<S> | undefined {
	const result = schema.safeParse(data);
	if (result.success) return result.data;
	for (const issue of result.error.issues) {
		problems.push(...describeIssue(schema, issue, file, basePath));
	}
	return undefined;
}

function describeIssue(
	schema: z.ZodTypeAny,
	issue: z.ZodIssue,
	file: string,
	basePath: readonly (string | number)[],
): Problem[] {
	const path = [...basePath, ...issue.path];
	const field = fieldPath(path);
	const target = schemaAt(schema, issue.path);
	switch (issue.code) {
		case z.ZodIssueCode.unrecognized_keys: {
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
		case z.ZodIssueCode.invalid_type: {
			const hint = target?.description ? ` (${target.description})` : '';
			if (issue.received === 'undefined') {
				return [{ file, field, message: `is required${hint}` }];
			}
			// A message the schema wrote itself (e.g. "must be whole minutes") says it best.
			if (!issue.message.startsWith('Expected ')) return [{ file, field, message: issue.message }];
			return [{ file, field, message: `must be ${typeName(issue.expected)}, not ${typeName(issue.received)}${hint}` }];
		}
		case z.ZodIssueCode.invalid_enum_value:
			return [
				{
					file,
					field,
					message: `"${String(issue.received)}" is not allowed; use one of: ${issue.options.map(String).join(', ')}`,
				},
			];
		case z.ZodIssueCode.too_small:
			if (issue.type === 'string' && issue.minimum === 1) return [{ file, field, message: 'must not be empty' }];
			return [{ file, field, message: issue.message }];
		case z.ZodIssueCode.invalid_union:
			if (issue.message !== 'Invalid input') return [{ file, field, message: issue.message }];
			return [{ file, field, message: `has the wrong form${target?.description ? `: ${target.description}` : ''}` }];
		default:
			return [{ file, field, message: issue.message }];
	}
}

function typeName(type: string): string {
	const names: Record<string, string> = {
		string: 'text',
		number: 'a number',
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

/** The schema that validates the value at `path`, seen through optional/default/effects wrappers. */
function schemaAt(schema: z.ZodTypeAny, path: readonly (string | number)[]): z.ZodTypeAny | undefined {
	let current: z.ZodTypeAny | undefined = schema;
	for (const key of path) {
		current = unwrap(current);
		if (current instanceof z.ZodArray && typeof key === 'number') current = current.element;
		else if (current instanceof z.ZodObject && typeof key === 'string') current = objectShape(current)?.[key];
		else return undefined;
	}
	return current;
}

function unwrap(schema: z.ZodTypeAny | undefined): z.ZodTypeAny | undefined {
	let current = schema;
	while (
		current instanceof z.ZodOptional ||
		current instanceof z.ZodDefault ||
		current instanceof z.ZodEffects ||
		current instanceof z.ZodNullable
	) {
		current =
			current instanceof z.ZodEffects
				? current.innerType()
				: current instanceof z.ZodDefault
					? current.removeDefault()
					: current.unwrap();
	}
	return current;
}

function objectShape(schema: z.ZodTypeAny | undefined): z.ZodRawShape | undefined {
	const object = unwrap(schema);
	return object instanceof z.ZodObject ? (object.shape as z.ZodRawShape) : undefined;
}
