/** See build-cli.mjs: bundle the CLI into `dir` (default dist-cli/); resolves to the folder. */
export function buildCli(dir?: string): Promise<string>;
