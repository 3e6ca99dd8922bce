/**
 * Where the package's own files are (spec/, contracts/, package.json). A module
 * runs from the sources (src/x/y.ts) in development and from the compiled copy
 * (dist/src/x/y.js) once installed, so a fixed number of `../` cannot find them:
 * walk up to the nearest package.json instead (dist/ has none of its own).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

/** Absolute path of the package's root folder. */
export const PACKAGE_ROOT: string = findRoot(dirname(fileURLToPath(import.meta.url)));

/** Absolute path of a file or folder of the package, given relative to its root (a trailing / is kept). */
export function packagePath(relative: string): string {
  return join(PACKAGE_ROOT, relative) + (relative.endsWith('/') ? '/' : '');
}

/** Replaced by the bundler (scripts/build.ts) with the build's id. */
declare const SIPAPP_BUILD_ID: string | undefined;

/**
 * The id of the build this code is part of, or undefined when it runs from the sources: what the
 * build wrote beside the bundle (help screens, precompiled validators) carries the same id.
 */
export const BUILD_ID: string | undefined = typeof SIPAPP_BUILD_ID === 'undefined' ? undefined : SIPAPP_BUILD_ID;

let info: { name: string; version: string } | undefined;

/** The package's name and version, from its package.json (read once). */
export function packageInfo(): { name: string; version: string } {
  info ??= JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { name: string; version: string };
  return info;
}
