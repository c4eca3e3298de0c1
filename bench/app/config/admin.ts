// The host's own admin configuration (bench/server.ts compiles it beside the bench app).
export { default } from '../../../config/admin';
