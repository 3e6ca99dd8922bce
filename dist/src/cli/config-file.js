import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { UsageError } from "../runner/options.js";
/** Read a config file (YAML or JSON, keys as the long option names, e.g. base-url or baseUrl). */
export function readConfigFile(path) {
    let text;
    try {
        text = readFileSync(path, 'utf8');
    }
    catch (error) {
        throw new UsageError(`cannot read config file ${path}: ${error.code ?? error.message}`);
    }
    let value;
    try {
        // Loaded only when a config file is read (yargs calls this synchronously, hence require): start-up pays nothing for it.
        const { parse: parseYaml } = createRequire(import.meta.url)('yaml');
        value = parseYaml(text); // JSON is YAML
    }
    catch (error) {
        throw new UsageError(`config file ${path} is not valid YAML/JSON: ${error.message.split('\n')[0]}`);
    }
    if (value === null || value === undefined)
        return {};
    if (typeof value !== 'object' || Array.isArray(value))
        throw new UsageError(`config file ${path} must hold a mapping of option names to values`);
    return value;
}
//# sourceMappingURL=config-file.js.map