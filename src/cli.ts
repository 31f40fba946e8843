// The `kqlite` command line lives in src/cli/ (one file per command); this is its stable entry (bin/kqlite.js).
export { main, type Io } from './cli/main.js';
