/**
 * The id of a product (or any free-text facet value) in URLs and filters: "Microsoft Teams" → "microsoft-teams",
 * "C#" → "c-sharp", "C++" → "c-plus-plus". Names without Latin letters or digits stay as they are. Two names with
 * one id are a content error (src/catalog/build.ts), so a filter never merges two products.
 */
export function facetId(text: string): string {
	const latin = text
		.replace(/#/g, ' sharp ')
		.replace(/\+/g, ' plus ')
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
	return latin || text.trim().replace(/\s+/g, '-');
}
