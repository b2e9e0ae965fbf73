// Test files are TypeScript: tsx's loader compiles them as they are imported (jest-light-runner has no transform
// step). Its hooks apply to the process that registers them, not to worker threads on Node 20: hence workers as
// child processes (light-runner.mjs). Types are checked by `npm run typecheck`, not here.
import 'tsx';
