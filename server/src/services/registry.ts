/**
 * The plugin's services by name, each with its type. Every service file adds
 * itself to this interface (`declare module './registry'`), and
 * services/index.ts must register exactly these: utils/get-service.ts types
 * getService from here, without importing the services themselves (which
 * would close an import circle through every service that calls it).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PluginServices {}
