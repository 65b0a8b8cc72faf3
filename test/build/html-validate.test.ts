import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate, type Message } from 'html-validate';
import { describe, expect, it } from 'vitest';
import config from '../../.htmlvalidate.mjs';
import { listFiles } from '../support/builds';
import { builtSite } from '../support/built-site';

/** One line per finding: page, line:column, rule, message and the element it is about. */
function describeFindings(page: string, messages: readonly Message[]): string[] {
	return messages.map(
		(message) => `${page}:${message.line}:${message.column} ${message.ruleId}: ${message.message} (${message.selector ?? '-'})`,
	);
}

describe('html-validate (html-validate:recommended, .htmlvalidate.mjs) over the built sample', () => {
	const sample = builtSite('sample-utc');
	const validator = new HtmlValidate(config);

	it('finds no error on any page', async () => {
		expect(sample.exitCode, sample.output).toBe(0);
		const pages = listFiles(sample.outDir).filter((file) => file.endsWith('.html'));
		// The sample has dozens of pages; a handful would mean the walk went wrong, not that the site is clean.
		expect(pages.length).toBeGreaterThan(50);
		const findings: string[] = [];
		for (const page of pages) {
			const report = await validator.validateString(readFileSync(join(sample.outDir, page), 'utf8'), page);
			for (const result of report.results) findings.push(...describeFindings(page, result.messages));
		}
		expect(findings, `${findings.length} html-validate finding(s):\n${findings.join('\n')}`).toEqual([]);
	});
});
