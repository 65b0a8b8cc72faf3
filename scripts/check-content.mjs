// `npm run check`, second half: validates the content without building the site and prints every
// problem as `file: field: message`, like a compiler. Exit code 1 when there is any.
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const server = await createServer({
	root: fileURLToPath(new URL('..', import.meta.url)),
	configFile: false,
	logLevel: 'error',
	server: { middlewareMode: true, hmr: false, ws: false, watch: null },
	appType: 'custom',
	optimizeDeps: { noDiscovery: true, include: [] },
});
try {
	/** @type {import('../src/cli/check-content.ts')} */
	const { checkContent } = await server.ssrLoadModule('/src/cli/check-content.ts');
	const report = checkContent(process.cwd());
	process.stdout.write(report.text + '\n');
	process.exitCode = report.ok ? 0 : 1;
} finally {
	await server.close();
}
