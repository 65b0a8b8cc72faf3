/** The known name closest to a mistyped one, when it is close enough to be the likely intent. */
export function closestMatch(input: string, known: Iterable<string>): string | undefined {
	const needle = input.toLowerCase();
	let best: string | undefined;
	let bestDistance = Math.max(2, Math.floor(needle.length / 3)) + 1;
	for (const candidate of known) {
		const distance = editDistance(needle, candidate.toLowerCase());
		if (distance < bestDistance) {
			best = candidate;
			bestDistance = distance;
		}
	}
	return best;
}

function editDistance(a: string, b: string): number {
	let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
			current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
		}
		previous = current;
	}
	return previous[b.length] ?? 0;
}
