// The bench measures the database settings the host ships: this is the host's
// config/database.ts (bench/server.ts compiles it beside the bench app).
export { default } from '../../../config/database';
