/** Read a config file (YAML or JSON, keys as the long option names, e.g. base-url or baseUrl). */
export declare function readConfigFile(path: string): Record<string, unknown>;
