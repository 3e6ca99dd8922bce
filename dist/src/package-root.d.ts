/** Absolute path of the package's root folder. */
export declare const PACKAGE_ROOT: string;
/** Absolute path of a file or folder of the package, given relative to its root (a trailing / is kept). */
export declare function packagePath(relative: string): string;
/** The package's name and version, from its package.json (read once). */
export declare function packageInfo(): {
    name: string;
    version: string;
};
