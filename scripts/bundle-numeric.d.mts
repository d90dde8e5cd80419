/** Types of scripts/bundle-numeric.mjs (plain JS so `npm run build` needs nothing but node). */
export function lazyStdlibIds(dir?: string): string[];
export function vendorFile(id: string): string;
