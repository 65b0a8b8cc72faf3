import { fileURLToPath } from 'node:url';
import type { Root } from 'hast';
import type { HastPluginDefinition } from 'satteri';
import { sanitiseBody, type Dropped } from '../catalog/body-policy';

/**
 * The allow-list as a step of a Markdown and MDX processor: every body's rendered tree is replaced by its
 * sanitised copy. Given `onDropped`, what it takes out is reported there (the tests collect it); without, the
 * build stops: the content check (npm run check, and the build before it loads content) has reported anything
 * this would take out, so if it ever drops something, check and build disagree, and publishing the page
 * without it would be a silent change.
 */
export function allowListPlugin(onDropped?: (dropped: readonly Dropped[], file: string) => void): HastPluginDefinition {
	return {
		name: 'roadshow-body-allow-list',
		before(root, ctx) {
			const dropped: Dropped[] = [];
			// The processor's nodes resolve their children lazily; a plain copy is what the allow-list reads.
			const tree = JSON.parse(JSON.stringify(root)) as Root;
			const clean = sanitiseBody(tree, (item) => dropped.push(item));
			const file = ctx.fileURL ? fileURLToPath(ctx.fileURL) : 'a body';
			if (dropped.length > 0 && onDropped) onDropped(dropped, file);
			else if (dropped.length > 0) {
				const lines = dropped.map(({ message, position }) => `  line ${position?.start.line ?? '?'}: ${message}`);
				throw new Error(`${file}: the body's allow-list took out what the content check let pass:\n${lines.join('\n')}`);
			}
			ctx.replaceNode(root, clean);
		},
	};
}

/** The site's step: it stops the build on anything it would drop. */
export const bodyAllowList = allowListPlugin();
