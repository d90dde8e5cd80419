/**
 * The package's files, read once: the bytes that are validated are the bytes that are hashed
 * into the dataset version, so a file changed during a build cannot slip in unchecked.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { msg } from '../../messages/index.js';
import { ingestError } from './errors.js';
import { REPLICATION_FILES } from './sources.js';

export type PackageFileName = (typeof REPLICATION_FILES)[number];

export interface PackageFile {
  name: PackageFileName;
  bytes: Buffer;
  sha256: string;
}

export function readPackageFiles(dir: string): Record<PackageFileName, PackageFile> {
  const out = {} as Record<PackageFileName, PackageFile>;
  for (const name of REPLICATION_FILES) {
    const file = path.join(dir, name);
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      throw ingestError({ file: name }, msg.ingest.missingFile(file));
    }
    out[name] = { name, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
  }
  return out;
}
