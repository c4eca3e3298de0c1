// The host's own middlewares configuration (bench/server.ts compiles it beside the bench app).
export { default } from '../../../config/middlewares';
