/**
 * The module graph of src/, checked by test/import-graph.test.ts (and printed by
 * `npm run imports`): no import circle, and at most one type-only arrow back up the layers.
 * Parsed with the TypeScript compiler API (no type checking needed: verbatimModuleSyntax makes
 * every type-only import say so), so it is fast and sees exactly what the sources say.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/**
 * Lowest first. A module may import its own layer and any layer below; the first matching
 * prefix (relative to src/, without extension) names the layer.
 */
export const LAYERS: readonly { name: string; prefixes: readonly string[] }[] = [
  {
    name: 'base',
    prefixes: ['errors', 'logger', 'config', 'identity', 'reply', 'csv', 'worker-file', 'messages/', 'format/'],
  },
  { name: 'analysis', prefixes: ['analysis/'] },
  { name: 'data', prefixes: ['data/', 'services'] },
  { name: 'render', prefixes: ['render/'] },
  { name: 'commands', prefixes: ['commands/'] },
  { name: 'jobs', prefixes: ['jobs/'] },
  { name: 'bot', prefixes: ['bot/'] },
];

export interface Edge {
  from: string;
  to: string;
  /** Only types cross it: erased at run time. */
  typeOnly: boolean;
  /** `import()`: loaded when first needed. */
  dynamic: boolean;
}

export function layerOf(module: string): number {
  const i = LAYERS.findIndex((l) => l.prefixes.some((p) => (p.endsWith('/') ? module.startsWith(p) : module === p)));
  if (i < 0) throw new Error(`${module}: in no layer; add it to LAYERS in scripts/import-graph.ts`);
  return i;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return tsFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** The import arrows of one source text; `module` is its path under src/ without extension. */
export function importsOf(module: string, text: string): Edge[] {
  const sf = ts.createSourceFile(`${module}.ts`, text, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const edges: Edge[] = [];
  const add = (spec: string, typeOnly: boolean, dynamic: boolean) => {
    if (!spec.startsWith('.')) return;
    const to = path.posix.normalize(path.posix.join(path.posix.dirname(module), spec)).replace(/\.js$/, '');
    edges.push({ from: module, to, typeOnly, dynamic });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const c = node.importClause;
      const named = c?.namedBindings && ts.isNamedImports(c.namedBindings) ? c.namedBindings.elements : undefined;
      const typeOnly = Boolean(
        c && (c.isTypeOnly || (!c.name && named && named.length > 0 && named.every((e) => e.isTypeOnly))),
      );
      add(node.moduleSpecifier.text, typeOnly, false);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const named = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements : undefined;
      add(
        node.moduleSpecifier.text,
        node.isTypeOnly || Boolean(named?.length && named.every((e) => e.isTypeOnly)),
        false,
      );
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      add(node.arguments[0].text, false, true);
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      add(node.argument.literal.text, true, false);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return edges;
}

export function readGraph(srcDir: string): { modules: string[]; edges: Edge[] } {
  const modules: string[] = [];
  const edges: Edge[] = [];
  for (const file of tsFiles(srcDir)) {
    const module = path.relative(srcDir, file).split(path.sep).join('/').replace(/\.ts$/, '');
    modules.push(module);
    edges.push(...importsOf(module, readFileSync(file, 'utf8')));
  }
  return { modules: modules.sort(), edges };
}

/** Strongly connected components with more than one module (or a self-import): the circles. */
export function circles(modules: readonly string[], edges: readonly Edge[]): string[][] {
  const next = new Map<string, string[]>(modules.map((m) => [m, []]));
  for (const e of edges) next.get(e.from)?.push(e.to);
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  // Tarjan's algorithm; the graph has a few hundred nodes, recursion depth is no concern.
  const strong = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (next.get(v) ?? []).includes(v)) out.push(scc.sort());
    }
  };
  for (const m of modules) if (!index.has(m)) strong(m);
  return out;
}

/** Arrows from a lower layer to a higher one. */
export function upward(edges: readonly Edge[]): Edge[] {
  return edges.filter((e) => layerOf(e.from) < layerOf(e.to));
}

/** Imports of files that do not exist (a typo would otherwise hide an arrow). */
export function dangling(modules: readonly string[], edges: readonly Edge[]): Edge[] {
  const known = new Set(modules);
  return edges.filter((e) => !known.has(e.to));
}

export interface GraphReport {
  modules: number;
  edges: number;
  circles: string[][];
  upwardRuntime: Edge[];
  upwardTypeOnly: Edge[];
  dangling: Edge[];
}

export function checkGraph(srcDir: string): GraphReport {
  const { modules, edges } = readGraph(srcDir);
  const up = upward(edges);
  return {
    modules: modules.length,
    edges: edges.length,
    circles: circles(modules, edges),
    upwardRuntime: up.filter((e) => !e.typeOnly),
    upwardTypeOnly: up.filter((e) => e.typeOnly),
    dangling: dangling(modules, edges),
  };
}

const arrow = (e: Edge) => `${e.from} -> ${e.to}${e.typeOnly ? ' (type only)' : ''}${e.dynamic ? ' (dynamic)' : ''}`;

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const r = checkGraph(path.join(root, 'src'));
  console.log(`${r.modules} modules, ${r.edges} import arrows; layers: ${LAYERS.map((l) => l.name).join(' < ')}`);
  for (const c of r.circles) console.log(`circle: ${c.join(' <-> ')}`);
  for (const e of r.upwardRuntime) console.log(`upward: ${arrow(e)}`);
  for (const e of r.upwardTypeOnly) console.log(`upward: ${arrow(e)}`);
  for (const e of r.dangling) console.log(`missing: ${arrow(e)}`);
  const ok = !r.circles.length && !r.upwardRuntime.length && r.upwardTypeOnly.length <= 1 && !r.dangling.length;
  console.log(ok ? 'ok' : 'FAILED');
  process.exitCode = ok ? 0 : 1;
}
