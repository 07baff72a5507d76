/**
 * Reading packs from disk (Node only: the CLI, the build and tests). A pack is either one YAML/JSON file
 * holding everything, or a directory: `pack.yaml` + `rules/<rule-id>.yaml` + `checklist/<item-id>.yaml`,
 * one rule per file, the file name being the id.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import { BUILTIN_CHECKLIST_IDS, type Pack, type PackProblem } from '../core/types.js';
import { checkPackSize, validatePack } from '../core/validate.js';

export class PackLoadError extends Error {
  constructor(readonly problems: PackProblem[]) {
    super(problems.map((p) => `pack "${p.packId}"${p.where ? ` ${p.where}` : ''}${p.field ? ` field "${p.field}"` : ''}: ${p.message}`).join('\n'));
  }
}

function parseFile(file: string, label: string): unknown {
  const text = readFileSync(file, 'utf8');
  const tooBig = checkPackSize(text, label);
  if (tooBig) throw new PackLoadError([tooBig]);
  if (extname(file).toLowerCase() === '.json') {
    try {
      return JSON.parse(text);
    } catch (e) {
      throw new PackLoadError([{ packId: label, message: `${file} is not valid JSON: ${(e as Error).message}` }]);
    }
  }
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length) {
    throw new PackLoadError(
      doc.errors.map((e) => {
        const pos = e.linePos?.[0];
        return { packId: label, message: `${file}${pos ? `:${pos.line}:${pos.col}` : ''} is not valid YAML: ${e.message.split('\n')[0]}` };
      }),
    );
  }
  return doc.toJS();
}

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.(ya?ml|json)$/i.test(f))
    .sort();
}

/** Reads a pack file or directory into the raw object a pack is validated from. */
export function readPackSource(path: string): unknown {
  if (!existsSync(path)) throw new PackLoadError([{ packId: path, message: `no such file or directory: ${path}` }]);
  if (!statSync(path).isDirectory()) return parseFile(path, path);

  const manifest = ['pack.yaml', 'pack.yml', 'pack.json'].map((f) => join(path, f)).find(existsSync);
  if (!manifest) throw new PackLoadError([{ packId: path, message: `${path} has no pack.yaml: a pack directory needs pack.yaml with id, name, version…` }]);
  const pack = parseFile(manifest, path) as Record<string, unknown>;
  const problems: PackProblem[] = [];
  const packId = typeof pack?.id === 'string' ? pack.id : path;
  const readDir = (sub: 'rules' | 'checklist') =>
    yamlFiles(join(path, sub)).map((f) => {
      const file = join(path, sub, f);
      const item = parseFile(file, packId) as Record<string, unknown>;
      const stem = basename(f, extname(f));
      if (item && typeof item === 'object' && item.id === undefined) item.id = stem;
      else if (item?.id !== stem)
        problems.push({ packId, where: relative(path, file), field: 'id', message: `id "${String(item?.id)}" must equal the file name "${stem}": rename the file or the id` });
      return item;
    });
  const inlineRules = Array.isArray(pack.rules) ? pack.rules : [];
  const inlineItems = Array.isArray(pack.checklist) ? pack.checklist : [];
  const order = (id: unknown) => {
    const i = (BUILTIN_CHECKLIST_IDS as readonly unknown[]).indexOf(id);
    return i < 0 ? BUILTIN_CHECKLIST_IDS.length : i;
  };
  const checklist = [...inlineItems, ...readDir('checklist')].sort(
    (a, b) => order(a?.id) - order(b?.id) || String(a?.id).localeCompare(String(b?.id)),
  );
  const rules = [...inlineRules, ...readDir('rules')];
  if (problems.length) throw new PackLoadError(problems);
  return { ...pack, rules, checklist };
}

/** Reads and validates a pack; throws PackLoadError listing every problem. */
export function loadPack(path: string): Pack {
  const raw = readPackSource(path);
  const result = validatePack(raw, path);
  if (!result.ok) throw new PackLoadError(result.problems);
  return result.pack;
}

/** The built-in packs, in the order of rules/catalog.json. */
export function loadPackCatalog(rulesDir: string): Pack[] {
  const catalog = JSON.parse(readFileSync(join(rulesDir, 'catalog.json'), 'utf8')) as { packs: string[] };
  return catalog.packs.map((id) => loadPack(join(rulesDir, id)));
}
