// Plain JavaScript, so that astro.config.mjs and the benchmark's bare floor project can both import it.

/**
 * Astro 7 marks every MDX entry's `?astroPropagatedAssets` module with a "use astro:head-inject" directive
 * that nothing reads any more (the runtime detects head propagation by `__astroPropagation`), and Rolldown
 * warns once per MDX file that it may not keep it (withastro/astro#18087). Only that log is dropped; every
 * other one is kept, and a build test fails on any warning.
 * @type {NonNullable<import('vite').Rolldown.InputOptions['onLog']>}
 */
export function dropDeadHeadInjectDirective(level, log, handler) {
	const deadDirective =
		log.code === 'MODULE_LEVEL_DIRECTIVE' &&
		(log.id ?? '').includes('?astroPropagatedAssets') &&
		log.message.includes('"use astro:head-inject"');
	if (!deadDirective) handler(level, log);
}
