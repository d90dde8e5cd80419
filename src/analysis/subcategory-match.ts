/**
 * Root_Causes.csv spells subcategories its own way ("Saving/Loading Models", "Fine Tuning",
 * "GPU") while the codebook says "Loading/Saving Models", "Fine-Tuning", "GPU & Optimization".
 * Matching on word stems lets /examples list those topics under the codebook's subcategory;
 * a raw label that fits several subcategories equally ("Datasets") matches none.
 */
const STOP = new Set(['and', 'of', 'the', 'hf', 'a', 'for', 'to', 'in']);

/** Five-letter prefixes: crude, but enough to equate "models"/"model" and "functioning"/"function". */
export function stems(label: string): Set<string> {
  return new Set(
    label
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w && !STOP.has(w))
      .map((w) => w.slice(0, 5)),
  );
}

function score(raw: Set<string>, sub: Set<string>): number {
  const inter = [...raw].filter((s) => sub.has(s)).length;
  if (!inter) return 0;
  const union = new Set([...raw, ...sub]).size;
  const jaccard = inter / union;
  // A raw label wholly contained in a subcategory ("Tutorials" in "Official Examples and Tutorials") fits it.
  return inter === raw.size ? Math.max(jaccard, 0.5) : jaccard;
}

/** The one subcategory (of the same category) a raw label means, or null when none or several fit. */
export function matchSubcategory(raw: string, subcategories: readonly string[]): string | null {
  const r = stems(raw);
  if (!r.size) return null;
  const scored = subcategories.map((s) => ({ s, v: score(r, stems(s)) })).sort((a, b) => b.v - a.v);
  const best = scored[0];
  if (!best || best.v < 0.5) return null;
  if (scored[1] && scored[1].v === best.v) return null;
  return best.s;
}
